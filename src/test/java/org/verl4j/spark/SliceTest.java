package org.verl4j.spark;

import org.junit.jupiter.api.Test;
import org.verl4j.eval.EvalItem;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slicing the item list: contiguous, in order, every item once, sizes within one of each other, no empty slice. */
class SliceTest {

    private static List<EvalItem> items(int n) {
        List<EvalItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) items.add(new EvalItem("d", "q" + i, "1+" + i, Integer.toString(1 + i), new EvalItem.MathAnswer()));
        return items;
    }

    @Test
    void slicesCoverTheItemsInOrderWithTheirFirstPositions() {
        for (int n : new int[]{1, 2, 7, 12})
            for (int parts : new int[]{1, 2, 3, 5, 12, 40}) {
                List<EvalItem> items = items(n);
                List<Slice<EvalItem>> slices = Slice.of(items, parts);
                assertThat(slices).as("n %d, parts %d", n, parts).hasSize(Math.min(n, parts));
                List<EvalItem> joined = new ArrayList<>();
                for (Slice<EvalItem> s : slices) {
                    assertThat(s.first()).as("n %d, parts %d", n, parts).isEqualTo(joined.size());
                    assertThat(s.items().size()).isBetween(n / slices.size(), (n + slices.size() - 1) / slices.size()).isPositive();
                    joined.addAll(s.items());
                }
                assertThat(joined).isEqualTo(items);
            }
    }

    @Test
    void partsMustBePositive() {
        assertThatThrownBy(() -> Slice.of(items(3), 0)).hasMessageContaining("--partitions must be ≥ 1");
    }
}
