package org.verl4j.spark;

import org.verl4j.eval.EvalItem;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A contiguous run of the evaluation's items, the work of one task.
 *
 * @param first the position of {@code items.get(0)} in the whole item list (its prompt id is {@code "eval-" + first})
 * @param items the items, in input order
 */
record EvalSlice(int first, List<EvalItem> items) implements Serializable {

    EvalSlice {
        items = List.copyOf(items);                                    // a serializable list (a subList is not)
    }

    /**
     * {@code items} cut into {@code min(parts, N)} contiguous slices of ⌊N/parts⌋ or ⌈N/parts⌉ items, in order:
     * slice j holds positions [⌊jN/P⌋, ⌊(j+1)N/P⌋).
     */
    static List<EvalSlice> of(List<EvalItem> items, int parts) {
        if (parts < 1) throw new IllegalArgumentException("--partitions must be ≥ 1, got " + parts);
        int n = items.size(), p = Math.min(parts, n);
        List<EvalSlice> slices = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            int from = (int) ((long) j * n / p), to = (int) ((long) (j + 1) * n / p);
            slices.add(new EvalSlice(from, items.subList(from, to)));
        }
        return slices;
    }
}
