package org.verl4j.model;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Log-probabilities of the next tokens and the predictive entropy, against the reference logits in double. */
class LogProbGraphTest {

    /** Fixed seed of every random draw here (a failure reproduces with it). */
    static final long SEED = 36302L;

    private final Random random = new Random(SEED);

    @Test
    void logProbsAndEntropyMatchTheReferenceSoftmax() {
        ModelConfig c = RandomDecoders.config(Architecture.LLAMA, 2, 1, 2, 4, true, false, 23);
        DecoderWeights w = RandomDecoders.weights(c, random);
        int length = 7;
        int[][] ids = RandomDecoders.tokens(random, 2, length, c.vocabSize());
        int[][] mask = RandomDecoders.leftPadded(length, 0, 2);
        int[][] pos = ReferenceDecoder.positionsFromMask(mask);
        double[][][] logits = new ReferenceDecoder(w).forward(ids, mask, pos).logits();
        try (OrtRunner run = GraphRuns.session(GenerationGraph.logProbs(w, ElementType.FLOAT))) {
            Map<String, HostTensor> out = run.run(Map.of(GenerationGraph.IDS, GraphRuns.longs(ids),
                    GenerationGraph.POSITIONS, GraphRuns.longs(pos), GenerationGraph.MASK, GraphRuns.longs(mask)));
            assertThat(out.get(GenerationGraph.LOGP).shape()).containsExactly(2, length - 1);
            double[] logp = out.get(GenerationGraph.LOGP).doubles(), entropy = out.get(GenerationGraph.ENTROPY).doubles();
            for (int b = 0; b < 2; b++)
                for (int t = 0; t < length - 1; t++) {
                    if (mask[b][t] == 0) continue;
                    double[] row = logits[b][t];
                    double max = Double.NEGATIVE_INFINITY, sum = 0, h = 0;
                    for (double v : row) max = Math.max(max, v);
                    for (double v : row) sum += Math.exp(v - max);
                    double logZ = max + Math.log(sum);
                    for (double v : row) h -= Math.exp(v - logZ) * (v - logZ);
                    assertThat(logp[b * (length - 1) + t]).isCloseTo(row[ids[b][t + 1]] - logZ, within(1e-5));
                    assertThat(entropy[b * (length - 1) + t]).isCloseTo(h, within(1e-5));
                }
        }
    }
}
