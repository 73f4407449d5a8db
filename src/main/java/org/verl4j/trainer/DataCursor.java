package org.verl4j.trainer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The seeded stream of training items: epoch e is the training set shuffled by {@code new Random(seed + e)}
 * (Fisher–Yates, {@link Collections#shuffle(List, Random)}), epochs back to back. Position c of the stream is item
 * {@code perm_e[c mod N]} with {@code e = c / N}; the position is the whole state, so a checkpoint stores one number.
 *
 * @param <T> the item type
 */
public final class DataCursor<T> {

    private final List<T> items;
    private final long seed;
    private int epoch = -1;
    private List<T> order;

    public DataCursor(List<T> items, long seed) {
        if (items.isEmpty()) throw new IllegalArgumentException("the training split is empty");
        this.items = List.copyOf(items);
        this.seed = seed;
    }

    /** The {@code count} items at stream positions [position, position + count). */
    public List<T> take(long position, int count) {
        List<T> out = new ArrayList<>(count);
        for (long c = position; c < position + count; c++) {
            int e = (int) (c / items.size());
            if (e != epoch) {
                List<T> shuffled = new ArrayList<>(items);
                Collections.shuffle(shuffled, new Random(seed + e));
                order = shuffled;
                epoch = e;
            }
            out.add(order.get((int) (c % items.size())));
        }
        return out;
    }

    /**
     * The sampler seed of training step u: a SplitMix64 mix of (seed, u), so steps draw independent streams and a
     * resumed run draws what the straight run drew.
     */
    public static long samplingSeed(long seed, int step) {
        long z = seed + 0x9E3779B97F4A7C15L * (step + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
