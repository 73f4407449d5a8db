package org.verl4j.model;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.testing.SharedDir;

import java.io.IOException;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The ONNX forward against the double-precision {@link ReferenceDecoder}, on real and random decoders. */
class DecoderGraphTest {

    /** Fixed seed of every random draw here (a failure reproduces with it). */
    static final long SEED = 334898L;

    private final Random random = new Random(SEED);

    @Test
    void sharedLlamaCheckpointMatchesTheReferenceWithLeftPadding() throws IOException {
        DecoderWeights w = DecoderWeights.load(SharedDir.require("models/arith-seq-llama-random"));
        assertMatchesReference(w, 9, 0, 4);
    }

    @Test
    void llamaWithGqaUntiedAndBiasedMatchesTheReference() {
        ModelConfig c = RandomDecoders.config(Architecture.LLAMA, 2, 2, 3, 4, false, true, 17);
        assertMatchesReference(RandomDecoders.weights(c, random), 8, 3, 0);
    }

    @Test
    void qwen2WithGqaAndTiedEmbeddingsMatchesTheReference() {
        ModelConfig c = RandomDecoders.config(Architecture.QWEN2, 2, 1, 4, 6, true, false, 19);
        assertMatchesReference(RandomDecoders.weights(c, random), 8, 0, 5);
    }

    @Test
    void float64GraphMatchesTheReferenceToRoundOff() {
        ModelConfig c = RandomDecoders.config(Architecture.QWEN2, 2, 2, 2, 4, false, false, 11);
        DecoderWeights w = RandomDecoders.weights(c, random);
        int[][] ids = RandomDecoders.tokens(random, 2, 6, c.vocabSize());
        int[][] mask = RandomDecoders.leftPadded(6, 2, 0);
        int[][] pos = ReferenceDecoder.positionsFromMask(mask);
        ReferenceDecoder.Output expected = new ReferenceDecoder(w).forward(ids, mask, pos);
        try (OrtRunner run = GraphRuns.session(GenerationGraph.generation(w, ElementType.DOUBLE, Set.of()))) {
            Map<String, HostTensor> out = run.run(GraphRuns.prefill(c, ElementType.DOUBLE, ids, pos, mask));
            assertThat(GraphRuns.maxError(out.get(GenerationGraph.LOGITS).doubles(), expected.logits(), mask)).isLessThan(1e-11);
            assertThat(GraphRuns.maxError(out.get(GenerationGraph.HIDDEN).doubles(), expected.hidden(), mask)).isLessThan(1e-11);
        }
    }

    @Test
    void capturedLastLayerOutputIsTheFinalNormInput() {
        ModelConfig c = RandomDecoders.config(Architecture.LLAMA, 2, 1, 1, 4, true, false, 7);
        DecoderWeights w = RandomDecoders.weights(c, random);
        int[][] ids = RandomDecoders.tokens(random, 1, 5, c.vocabSize());
        int[][] mask = RandomDecoders.leftPadded(5, 0);
        int[][] pos = ReferenceDecoder.positionsFromMask(mask);
        try (OrtRunner run = GraphRuns.session(GenerationGraph.generation(w, ElementType.FLOAT, Set.of(0, 1)))) {
            Map<String, HostTensor> out = run.run(GraphRuns.prefill(c, ElementType.FLOAT, ids, pos, mask));
            assertThat(out).containsKeys(GenerationGraph.layerOutput(0), GenerationGraph.layerOutput(1));
            double[] x = out.get(GenerationGraph.layerOutput(1)).doubles(), z = out.get(GenerationGraph.HIDDEN).doubles();
            float[] norm = w.get(WeightLayout.FINAL_NORM);
            int d = c.hiddenSize();
            for (int t = 0; t < 5; t++) {
                double ms = 0;
                for (int j = 0; j < d; j++) ms += x[t * d + j] * x[t * d + j] / d;
                for (int j = 0; j < d; j++)
                    assertThat(z[t * d + j]).isCloseTo(norm[j] * x[t * d + j] / Math.sqrt(ms + c.rmsNormEps()), within(1e-5));
            }
        }
    }

    private void assertMatchesReference(DecoderWeights w, int length, int... pads) {
        ModelConfig c = w.config();
        int[][] ids = RandomDecoders.tokens(random, pads.length, length, c.vocabSize());
        int[][] mask = RandomDecoders.leftPadded(length, pads);
        int[][] pos = ReferenceDecoder.positionsFromMask(mask);
        ReferenceDecoder.Output expected = new ReferenceDecoder(w).forward(ids, mask, pos);
        try (OrtRunner run = GraphRuns.session(GenerationGraph.generation(w, ElementType.FLOAT, Set.of()))) {
            Map<String, HostTensor> out = run.run(GraphRuns.prefill(c, ElementType.FLOAT, ids, pos, mask));
            double logitErr = GraphRuns.maxError(out.get(GenerationGraph.LOGITS).doubles(), expected.logits(), mask);
            double hiddenErr = GraphRuns.maxError(out.get(GenerationGraph.HIDDEN).doubles(), expected.hidden(), mask);
            assertThat(logitErr).isLessThan(1e-5);
            assertThat(hiddenErr).isLessThan(1e-5);
        }
    }
}
