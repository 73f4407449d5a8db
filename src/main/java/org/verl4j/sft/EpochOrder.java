package org.verl4j.sft;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The order SFT visits its examples in: epoch after epoch, each a Fisher–Yates shuffle of 0 … N−1 drawn from one
 * {@code java.util.Random(seed)} (through {@code nextInt(bound)}, specified exactly by the JDK); a batch is the
 * next {@code size} indices of that endless sequence, so batches cross epoch boundaries and all have the same size.
 */
final class EpochOrder {

    private final int n;
    private final Random random;
    private int[] order;
    private int next;

    EpochOrder(int n, long seed) {
        if (n < 1) throw new IllegalArgumentException("SFT needs at least one example");
        this.n = n;
        this.random = new Random(seed);
        reshuffle();
    }

    /** The next {@code size} example indices. */
    List<Integer> nextBatch(int size) {
        List<Integer> batch = new ArrayList<>(size);
        while (batch.size() < size) {
            if (next == n) reshuffle();
            batch.add(order[next++]);
        }
        return batch;
    }

    private void reshuffle() {
        order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        next = 0;
    }
}
