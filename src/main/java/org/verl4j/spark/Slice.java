package org.verl4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A contiguous run of a job's inputs (evaluation items, prompts), the work of one task; {@code T} must be
 * serializable.
 *
 * @param first the position of {@code items.get(0)} in the whole list (an eval item's prompt id is
 *              {@code "eval-" + position})
 * @param items the inputs, in order
 */
record Slice<T>(int first, List<T> items) implements Serializable {

    Slice {
        items = List.copyOf(items);                                    // a serializable list (a subList is not)
    }

    /**
     * {@code items} cut into {@code min(parts, N)} contiguous slices of ⌊N/parts⌋ or ⌈N/parts⌉ items, in order:
     * slice j holds positions [⌊jN/P⌋, ⌊(j+1)N/P⌋).
     */
    static <T> List<Slice<T>> of(List<T> items, int parts) {
        if (parts < 1) throw new IllegalArgumentException("--partitions must be ≥ 1, got " + parts);
        int n = items.size(), p = Math.min(parts, n);
        List<Slice<T>> slices = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            int from = (int) ((long) j * n / p), to = (int) ((long) (j + 1) * n / p);
            slices.add(new Slice<>(from, items.subList(from, to)));
        }
        return slices;
    }

    /** "item f" or "items f–l", for messages. */
    String describe() {
        int last = first + items.size() - 1;
        return last == first ? "item " + first : "items " + first + "–" + last;
    }
}
