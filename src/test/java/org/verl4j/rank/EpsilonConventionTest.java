package org.verl4j.rank;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What ε = 1e-8 in {@code p_i = σ_i/(Σσ + ε)} does when the spectrum is not much larger than ε (ALGORITHM.md §2): ER is
 * not scale-invariant there, and the spec's P2 bound ER ≤ rank(Zc) holds only in the form
 * {@code ER ≤ rank·exp(ε/(Σσ + ε))} (EffectiveRankProperties). Hand-computed values.
 */
class EpsilonConventionTest {

    /** Z = [0; a] (2×1): Zc = [−a/2; a/2], one singular value σ = a/√2. */
    static HiddenStates twoRows(double sigma) {
        return HiddenStates.of(new double[][]{{0}, {sigma * Math.sqrt(2)}});
    }

    @Test
    void aRankOneMatrixWithSpectrumBelowEpsilonHasEffectiveRankAboveItsRank() {
        // σ = 1e-9: p = 1e-9/(1e-9 + 1e-8) = 1/11, H = −(1/11)·ln(1/11 + ε) ≈ ln(11)/11, ER ≈ 11^(1/11) = 1.2436
        assertThat(ResponseRank.er(twoRows(1e-9))).isCloseTo(Math.pow(11, 1.0 / 11), within(1e-6));
        // the same matrix at σ = 1: p = 1/(1 + ε), ER = 1 up to ε
        assertThat(ResponseRank.er(twoRows(1))).isCloseTo(1, within(1e-7));
    }

    @Test
    void twoEqualSingularValuesBelowEpsilonGiveLessThanTwo() {
        // σ = (1e-9, 1e-9): p = 1e-9/(2e-9 + 1e-8) = 1/12 each, H = 2·(1/12)·ln 12, ER = 12^(1/6) = 1.5131
        assertThat(EffectiveRank.fromSingularValues(new double[]{1e-9, 1e-9})).isCloseTo(Math.pow(12, 1.0 / 6), within(1e-6));
        assertThat(EffectiveRank.fromSingularValues(new double[]{1, 1})).isCloseTo(2, within(1e-7));
    }
}
