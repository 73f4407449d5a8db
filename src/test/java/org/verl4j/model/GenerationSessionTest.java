package org.verl4j.model;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.OnnxWriter;
import org.verl4j.graph.OrtRunner;

import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Greedy decoding through the session equals the reference forward over the finished sequences. */
class GenerationSessionTest {

    /** Fixed seed of every random weight in this class (a failure reproduces from it). */
    static final long SEED = 112358L;

    private final Random random = new Random(SEED);

    @Test
    void greedyStepsMatchTheReferenceOnTheWholeSequence() {
        ModelConfig c = RandomDecoders.config(Architecture.LLAMA, 2, 1, 2, 4, true, false, 11);
        DecoderWeights w = RandomDecoders.weights(c, random);
        int promptLength = 4, steps = 3, total = promptLength + steps;
        int[][] ids = new int[2][total];
        int[][] mask = RandomDecoders.leftPadded(total, 2, 0);
        for (int b = 0; b < 2; b++) for (int t = 0; t < promptLength; t++) ids[b][t] = random.nextInt(c.vocabSize());
        float[][][] logits = new float[steps + 1][][], hidden = new float[steps + 1][][];
        byte[] graph = OnnxWriter.write(GenerationGraph.generation(w, ElementType.FLOAT, Set.of()));
        try (GenerationSession session = new GenerationSession(graph, c, OrtRunner.Options.cpu(1))) {
            GenerationSession.Step step = session.prefill(columns(ids, promptLength), columns(mask, promptLength));
            for (int k = 0; ; k++) {
                logits[k] = step.logits();
                hidden[k] = step.hidden();
                if (k == steps) break;
                int[] next = {argmax(step.logits()[0]), argmax(step.logits()[1])};
                for (int b = 0; b < 2; b++) ids[b][promptLength + k] = next[b];
                step = session.decode(next);
            }
        }
        ReferenceDecoder.Output expected = new ReferenceDecoder(w).forward(ids, mask, ReferenceDecoder.positionsFromMask(mask));
        for (int k = 0; k <= steps; k++)
            for (int b = 0; b < 2; b++) {
                int t = promptLength - 1 + k;
                for (int v = 0; v < c.vocabSize(); v++)
                    assertThat((double) logits[k][b][v]).isCloseTo(expected.logits()[b][t][v], org.assertj.core.data.Offset.offset(1e-5));
                for (int j = 0; j < c.hiddenSize(); j++)
                    assertThat((double) hidden[k][b][j]).isCloseTo(expected.hidden()[b][t][j], org.assertj.core.data.Offset.offset(1e-5));
            }
    }

    @Test
    void decodeBeforePrefillAndAnAllPaddingPromptAreErrors() {
        ModelConfig c = RandomDecoders.config(Architecture.QWEN2, 1, 1, 1, 2, true, false, 5);
        byte[] graph = OnnxWriter.write(GenerationGraph.generation(RandomDecoders.weights(c, random), ElementType.FLOAT, Set.of()));
        try (GenerationSession session = new GenerationSession(graph, c, OrtRunner.Options.cpu(1))) {
            assertThatThrownBy(() -> session.decode(new int[]{1})).hasMessageContaining("before prefill");
            assertThatThrownBy(() -> session.prefill(new int[][]{{1, 2}}, new int[][]{{0, 0}})).hasMessageContaining("row 0");
        }
    }

    private static int[][] columns(int[][] x, int to) {
        int[][] out = new int[x.length][];
        for (int b = 0; b < x.length; b++) out[b] = java.util.Arrays.copyOf(x[b], to);
        return out;
    }

    private static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
        return best;
    }
}
