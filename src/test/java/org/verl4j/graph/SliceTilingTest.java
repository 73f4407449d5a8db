package org.verl4j.graph;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verl4j.graph.GradientCheck.Input;

/**
 * Gradients of a flat buffer read through constant slices (the flat-θ parameter pattern) equal central
 * differences, and disjoint slices are assembled by one Concat instead of a Pad per slice.
 */
class SliceTilingTest {

    /** Fixed seed of every random draw here (a failure reproduces with it). */
    static final long SEED = 108240L;

    static Value twoLayer(GraphBuilder g, Value theta, long[][] ranges) {
        Value acc = null;
        for (long[] r : ranges) {
            Value w = g.slice(theta, new long[]{r[0]}, new long[]{r[1]}, new long[]{0});
            Value term = g.reduceSumAll(g.mul(g.tanh(w), g.scalarLike(w, r[0] + 1)));
            acc = acc == null ? term : g.add(acc, term);
        }
        return g.mul(acc, acc);
    }

    @Test
    void disjointSlicesWithGapsMatchFiniteDifferencesWithoutPad() {
        long[][] ranges = {{7, 10}, {0, 3}, {5, 7}, {-2, Long.MAX_VALUE}};        // gaps at 3..5 and 10..12
        GradientCheck.check(new Random(SEED), List.of(Input.random(new Random(SEED), new long[]{14}, -1, 1)),
                (g, x) -> twoLayer(g, x.get(0), ranges));
        GraphBuilder g = new GraphBuilder("tiling");
        Value theta = g.input("theta", ElementType.DOUBLE, Shape.of(14));
        Value loss = twoLayer(g, theta, ranges);
        Autodiff.gradients(g, loss, List.of(theta));
        assertThat(g.nodes()).extracting(Node::opType).doesNotContain(OpType.PAD).contains(OpType.CONCAT);
    }

    @Test
    void overlappingSlicesFallBackToPaddingAndStillMatchFiniteDifferences() {
        long[][] ranges = {{2, 6}, {4, 8}, {0, 1}};
        GradientCheck.check(new Random(SEED), List.of(Input.random(new Random(SEED), new long[]{9}, -1, 1)),
                (g, x) -> twoLayer(g, x.get(0), ranges));
    }
}
