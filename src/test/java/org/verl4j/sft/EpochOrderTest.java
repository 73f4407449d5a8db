package org.verl4j.sft;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class EpochOrderTest {

    @Test
    void everyEpochVisitsEachExampleOnceAndBatchesCrossEpochBoundaries() {
        EpochOrder order = new EpochOrder(7, 3);
        List<Integer> seen = new ArrayList<>();
        for (int k = 0; k < 7; k++) seen.addAll(order.nextBatch(3));                  // 21 indices = 3 epochs
        for (int epoch = 0; epoch < 3; epoch++)
            assertThat(new TreeSet<>(seen.subList(7 * epoch, 7 * epoch + 7))).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(seen.subList(0, 7)).isNotEqualTo(seen.subList(7, 14));             // reshuffled (seed 3)
    }

    @Test
    void theSameSeedGivesTheSameOrder() {
        EpochOrder a = new EpochOrder(50, 11), b = new EpochOrder(50, 11), c = new EpochOrder(50, 12);
        List<Integer> first = a.nextBatch(120);
        assertThat(b.nextBatch(120)).isEqualTo(first);
        assertThat(c.nextBatch(120)).isNotEqualTo(first);
    }
}
