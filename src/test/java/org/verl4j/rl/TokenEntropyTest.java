package org.verl4j.rl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Token entropy against closed forms and a naive −Σ p ln p. */
class TokenEntropyTest {

    @Test
    void uniformLogitsGiveLogV() {
        assertThat(TokenEntropy.of(new double[]{3, 3, 3, 3, 3})).isCloseTo(Math.log(5), within(1e-15));
    }

    @Test
    void peakedLogitsGiveNearZeroAndLargeLogitsStayFinite() {
        assertThat(TokenEntropy.of(new double[]{1000, 0, 0})).isCloseTo(0, within(1e-300));
        assertThat(TokenEntropy.of(new double[]{1e4, 1e4})).isCloseTo(Math.log(2), within(1e-15));
    }

    @Test
    void agreesWithTheNaiveDefinition() {
        double[] z = {0.3, -1.2, 2.0, 0.0, 0.7};
        double norm = 0, h = 0;
        for (double v : z) norm += Math.exp(v);
        for (double v : z) { double p = Math.exp(v) / norm; h -= p * Math.log(p); }
        assertThat(TokenEntropy.of(z)).isCloseTo(h, within(1e-14));
    }
}
