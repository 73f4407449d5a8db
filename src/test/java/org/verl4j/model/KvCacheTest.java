package org.verl4j.model;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Prefill of a prefix, then single-token decode steps with the KV cache, equal the prefill of the whole sequence. */
class KvCacheTest {

    /** Fixed seed of every random draw here (a failure reproduces with it). */
    static final long SEED = 330818L;

    private final Random random = new Random(SEED);

    @Test
    void decodeStepsWithCacheEqualFullPrefillAndTheReferenceUnderLeftPadding() {
        ModelConfig c = RandomDecoders.config(Architecture.QWEN2, 2, 2, 2, 4, false, false, 13);
        DecoderWeights w = RandomDecoders.weights(c, random);
        int length = 9, prefix = 5;
        int[][] ids = RandomDecoders.tokens(random, 2, length, c.vocabSize());
        int[][] mask = RandomDecoders.leftPadded(length, 3, 0);
        int[][] pos = ReferenceDecoder.positionsFromMask(mask);
        ReferenceDecoder.Output expected = new ReferenceDecoder(w).forward(ids, mask, pos);
        try (OrtRunner run = GraphRuns.session(GenerationGraph.generation(w, ElementType.FLOAT, Set.of()))) {
            Map<String, HostTensor> full = run.run(GraphRuns.prefill(c, ElementType.FLOAT, ids, pos, mask));
            Map<String, HostTensor> step = run.run(GraphRuns.prefill(c, ElementType.FLOAT,
                    columns(ids, 0, prefix), columns(pos, 0, prefix), columns(mask, 0, prefix)));
            for (int t = prefix; t < length; t++) {
                Map<String, HostTensor> feed = new HashMap<>();
                feed.put(GenerationGraph.IDS, GraphRuns.longs(columns(ids, t, t + 1)));
                feed.put(GenerationGraph.POSITIONS, GraphRuns.longs(columns(pos, t, t + 1)));
                feed.put(GenerationGraph.MASK, GraphRuns.longs(columns(mask, 0, t + 1)));
                for (int l = 0; l < c.numLayers(); l++) {
                    feed.put(GenerationGraph.pastKey(l), step.get(GenerationGraph.presentKey(l)));
                    feed.put(GenerationGraph.pastValue(l), step.get(GenerationGraph.presentValue(l)));
                }
                step = run.run(feed);
                assertThat(step.get(GenerationGraph.LOGITS).shape()).containsExactly(2, 1, c.vocabSize());
                for (String name : new String[]{GenerationGraph.LOGITS, GenerationGraph.HIDDEN}) {
                    double[] decoded = step.get(name).doubles();
                    double[] prefilled = column(full.get(name), t);
                    for (int i = 0; i < decoded.length; i++)
                        assertThat(decoded[i]).as("%s at column %d", name, t).isCloseTo(prefilled[i], org.assertj.core.data.Offset.offset(1e-5));
                }
                double[][][] refLogits = {{expected.logits()[0][t]}, {expected.logits()[1][t]}};
                assertThat(GraphRuns.maxError(step.get(GenerationGraph.LOGITS).doubles(), refLogits, new int[][]{{1}, {1}}))
                        .isLessThan(1e-5);
            }
            long[] presentShape = step.get(GenerationGraph.presentKey(1)).shape();
            assertThat(presentShape).containsExactly(2, c.numKvHeads(), length, c.headDim());
        }
    }

    private static int[][] columns(int[][] x, int from, int to) {
        int[][] out = new int[x.length][];
        for (int b = 0; b < x.length; b++) out[b] = Arrays.copyOfRange(x[b], from, to);
        return out;
    }

    /** Column t of a [B, S, n] tensor, as [B, n]. */
    private static double[] column(HostTensor x, int t) {
        long[] s = x.shape();
        int b = (int) s[0], len = (int) s[1], n = (int) s[2];
        double[] all = x.doubles(), out = new double[b * n];
        for (int i = 0; i < b; i++) System.arraycopy(all, (i * len + t) * n, out, i * n, n);
        return out;
    }
}
