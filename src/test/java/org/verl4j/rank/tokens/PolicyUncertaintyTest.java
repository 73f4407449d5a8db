package org.verl4j.rank.tokens;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Average log-probability, predictive entropy and the entropy of a softmax (spec §5), hand-computed. */
class PolicyUncertaintyTest {

    @Test
    void averageLogProbabilityIsThePlainMeanOverTokens() {
        assertThat(PolicyUncertainty.averageLogProbability(new double[]{-1, -2, -3.5})).isCloseTo(-6.5 / 3, within(1e-15));
    }

    @Test
    void predictiveEntropyIsThePlainMeanOfPerTokenEntropies() {
        assertThat(PolicyUncertainty.predictiveEntropy(new double[]{0, Math.log(2), Math.log(4)})).isCloseTo(Math.log(2), within(1e-15));
    }

    @Test
    void softmaxOfEqualLogitsHasEntropyLnV() {
        assertThat(PolicyUncertainty.entropyOfSoftmax(new double[]{0.3, 0.3, 0.3, 0.3})).isCloseTo(Math.log(4), within(1e-15));
    }

    @Test
    void softmaxEntropyMatchesTheProbabilitiesItEncodes() {
        // logits ln 1, ln 2, ln 3 → p = (1/6, 2/6, 3/6)
        double expected = -(1 / 6.0 * Math.log(1 / 6.0) + 2 / 6.0 * Math.log(2 / 6.0) + 3 / 6.0 * Math.log(3 / 6.0));
        assertThat(PolicyUncertainty.entropyOfSoftmax(new double[]{0, Math.log(2), Math.log(3)})).isCloseTo(expected, within(1e-15));
    }

    @Test
    void hugeLogitsDoNotOverflow() {
        assertThat(PolicyUncertainty.entropyOfSoftmax(new double[]{1000, 1000})).isCloseTo(Math.log(2), within(1e-15));
        assertThat(PolicyUncertainty.entropyOfSoftmax(new double[]{-1000, 1000})).isCloseTo(0, within(1e-15));
    }

    @Test
    void maskedLogitsHaveProbabilityZero() {
        double[] row = {9, 0, 0, Double.NEGATIVE_INFINITY, 9};
        assertThat(PolicyUncertainty.entropyOfSoftmax(row, 1, 3)).isCloseTo(Math.log(2), within(1e-15));
    }

    @Test
    void emptyAndNonFiniteInputsAreRejectedNamingTheToken() {
        assertThatThrownBy(() -> PolicyUncertainty.averageLogProbability(new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty response");
        assertThatThrownBy(() -> PolicyUncertainty.predictiveEntropy(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PolicyUncertainty.averageLogProbability(new double[]{-1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at token 1");
        assertThatThrownBy(() -> PolicyUncertainty.entropyOfSoftmax(new double[]{0, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vocabulary index 1");
        assertThatThrownBy(() -> PolicyUncertainty.entropyOfSoftmax(new double[]{Double.NEGATIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every logit");
        assertThatThrownBy(() -> PolicyUncertainty.entropyOfSoftmax(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
