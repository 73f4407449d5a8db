package org.verl4j.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Checks of the oracle itself by properties that hold for any causal decoder, independent of any other code. */
class ReferenceDecoderTest {

    /** Fixed seed of every random draw here (a failure reproduces with it). */
    static final long SEED = 111742L;

    private final Random random = new Random(SEED);
    private final ModelConfig config = RandomDecoders.config(Architecture.QWEN2, 2, 2, 2, 4, false, false, 11);
    private final DecoderWeights weights = RandomDecoders.weights(config, random);
    private final ReferenceDecoder oracle = new ReferenceDecoder(weights);

    @Test
    void logitsAtPositionTDoNotDependOnLaterTokens() {
        int[][] a = RandomDecoders.tokens(random, 1, 7, config.vocabSize());
        int[][] b = {a[0].clone()};
        b[0][5] = (a[0][5] + 1) % config.vocabSize();
        b[0][6] = (a[0][6] + 3) % config.vocabSize();
        int[][] mask = RandomDecoders.leftPadded(7, 0);
        int[][] pos = ReferenceDecoder.positionsFromMask(mask);
        var outA = oracle.forward(a, mask, pos);
        var outB = oracle.forward(b, mask, pos);
        for (int t = 0; t < 5; t++)
            for (int v = 0; v < config.vocabSize(); v++)
                assertThat(outB.logits()[0][t][v]).isCloseTo(outA.logits()[0][t][v], within(1e-12));
        assertThat(outB.logits()[0][5][0]).isNotCloseTo(outA.logits()[0][5][0], within(1e-9));
    }

    @Test
    void leftPaddingWithMaskAndShiftedPositionsLeavesRealTokensUnchanged() {
        int[][] ids = RandomDecoders.tokens(random, 1, 6, config.vocabSize());
        int[][] padded = {new int[9]};
        for (int t = 0; t < 3; t++) padded[0][t] = random.nextInt(config.vocabSize());   // junk under the mask
        System.arraycopy(ids[0], 0, padded[0], 3, 6);
        int[][] mask = RandomDecoders.leftPadded(6, 0), paddedMask = RandomDecoders.leftPadded(9, 3);
        var plain = oracle.forward(ids, mask, ReferenceDecoder.positionsFromMask(mask));
        var shifted = oracle.forward(padded, paddedMask, ReferenceDecoder.positionsFromMask(paddedMask));
        for (int t = 0; t < 6; t++)
            for (int j = 0; j < config.hiddenSize(); j++)
                assertThat(shifted.hidden()[0][t + 3][j]).isCloseTo(plain.hidden()[0][t][j], within(1e-12));
    }

    @Test
    void finalNormHiddenStateHasRootMeanSquareOneBeforeTheNormWeight() {
        int[][] ids = RandomDecoders.tokens(random, 1, 4, config.vocabSize());
        int[][] mask = RandomDecoders.leftPadded(4, 0);
        double[][] z = oracle.forward(ids, mask, ReferenceDecoder.positionsFromMask(mask)).hidden()[0];
        float[] w = weights.get(WeightLayout.FINAL_NORM);
        for (double[] row : z) {
            double ms = 0;
            for (int j = 0; j < row.length; j++) ms += (row[j] / w[j]) * (row[j] / w[j]);
            assertThat(ms / row.length).isCloseTo(1.0, within(1e-4));   // 1 − ε/(mean x² + ε)
        }
    }

    @Test
    void positionsFromMaskCountRealTokensAndSetPaddingToOne() {
        assertThat(ReferenceDecoder.positionsFromMask(new int[][]{{0, 0, 1, 1, 1}})).isEqualTo(new int[][]{{1, 1, 0, 1, 2}});
    }
}
