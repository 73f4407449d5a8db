package org.verl4j.rank.tokens;

import org.junit.jupiter.api.Test;
import org.verl4j.rl.TokenEntropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Average log-probability and predictive entropy (ALGORITHM.md §5), hand-computed. */
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
    void predictiveEntropyFromLogitsAveragesTheSoftmaxEntropies() {
        // position 1: four equal logits → ln 4; position 2: logits ln 1, ln 2, ln 3 → p = (1/6, 2/6, 3/6)
        double h2 = -(1 / 6.0 * Math.log(1 / 6.0) + 2 / 6.0 * Math.log(2 / 6.0) + 3 / 6.0 * Math.log(3 / 6.0));
        double[] perToken = {TokenEntropy.of(new double[]{0.3, 0.3, 0.3, 0.3}), TokenEntropy.of(new double[]{0, Math.log(2), Math.log(3)})};
        assertThat(PolicyUncertainty.predictiveEntropy(perToken)).isCloseTo((Math.log(4) + h2) / 2, within(1e-15));
    }

    @Test
    void emptyAndNonFiniteInputsAreRejectedNamingTheToken() {
        assertThatThrownBy(() -> PolicyUncertainty.averageLogProbability(new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty response");
        assertThatThrownBy(() -> PolicyUncertainty.predictiveEntropy(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PolicyUncertainty.averageLogProbability(new double[]{-1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at token 1");
        assertThatThrownBy(() -> PolicyUncertainty.predictiveEntropy(new double[]{0.5, 0.1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at token 2");
    }
}
