package org.verl4j.rank.tokens;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Pearson r, Spearman ρ and R² on hand-computed pairs. */
class CorrelationTest {

    @Test
    void pearsonOfAHandComputedExample() {
        // x̄ = 2, ȳ = 13/3; Sxy = 5, Sxx = 2, Syy = 114/9 → r = 15/√228, R² = 225/228
        double[] x = {1, 2, 3}, y = {2, 4, 7};
        assertThat(Correlation.pearson(x, y)).isCloseTo(15 / Math.sqrt(228), within(1e-15));
        assertThat(Correlation.rSquared(x, y)).isCloseTo(225.0 / 228, within(1e-14));
    }

    @Test
    void anExactDecreasingLineHasRMinusOneAndRSquaredOne() {
        double[] x = {0, 1, 2, 3}, y = {5, 3, 1, -1};
        assertThat(Correlation.pearson(x, y)).isCloseTo(-1, within(1e-15));
        assertThat(Correlation.rSquared(x, y)).isCloseTo(1, within(1e-15));
    }

    @Test
    void spearmanGivesTiesTheAverageRank() {
        // ranks of x: 1, 2.5, 2.5, 4; of y: 1, 2, 3, 4 → ρ = 4.5/√(4.5·5) = 3/√10
        assertThat(Correlation.ranks(new double[]{1, 2, 2, 3})).containsExactly(1, 2.5, 2.5, 4);
        assertThat(Correlation.spearman(new double[]{1, 2, 2, 3}, new double[]{10, 20, 30, 40}))
                .isCloseTo(3 / Math.sqrt(10), within(1e-15));
    }

    @Test
    void spearmanIsOneForAnyIncreasingRelation() {
        double[] x = {0.5, -2, 3, 1, 7};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.exp(x[i]) + x[i] * x[i] * x[i];
        assertThat(Correlation.spearman(x, y)).isCloseTo(1, within(1e-15));
        assertThat(Correlation.pearson(x, y)).isLessThan(1);
    }

    @Test
    void undefinedCorrelationsAreRejected() {
        assertThatThrownBy(() -> Correlation.pearson(new double[]{1, 1, 1}, new double[]{1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every x is equal");
        assertThatThrownBy(() -> Correlation.rSquared(new double[]{1, 2, 3}, new double[]{4, 4, 4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every y is equal");
        assertThatThrownBy(() -> Correlation.spearman(new double[]{1}, new double[]{1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 pairs");
        assertThatThrownBy(() -> Correlation.pearson(new double[]{1, 2}, new double[]{1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x has 2 values, y has 3");
        assertThatThrownBy(() -> Correlation.pearson(new double[]{1, Double.NaN}, new double[]{1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
    }
}
