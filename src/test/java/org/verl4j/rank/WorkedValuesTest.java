package org.verl4j.rank;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The spec's worked values (§3 and the issue): independent numbers from a float64 port of the authors' code.
 * Z[i][j] = sin((i+1)(j+1)·0.37) + cos(0.11·i² + 0.7·j).
 */
class WorkedValuesTest {

    static HiddenStates trig(int rows, int cols) {
        double[][] z = new double[rows][cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                z[i][j] = Math.sin((i + 1) * (j + 1) * 0.37) + Math.cos(0.11 * i * i + 0.7 * j);
        return HiddenStates.of(z);
    }

    @Test
    void trigonometricMatrix40x64HasTheReferenceEffectiveRank() {
        assertThat(ResponseRank.er(trig(40, 64))).isCloseTo(15.880026267755, within(1e-9));
    }

    @Test
    void trigonometricMatrix40x64HasTheReferenceVelocityAndAcceleration() {
        RankDynamics r = ResponseRank.measure(trig(40, 64), new RankOptions(8, 512, Truncation.TAIL));
        assertThat(r.erv()).isCloseTo(4.0656138208, within(1e-9));
        assertThat(r.era()).isCloseTo(0.2932680660, within(1e-9));
        assertThat(r.ervMeasured()).isTrue();
        assertThat(r.eraMeasured()).isTrue();
    }

    @Test
    void trigonometricMatrix12x5WithStride3HasTheReferenceVelocityAndAcceleration() {
        RankDynamics r = ResponseRank.measure(trig(12, 5), new RankOptions(3, 512, Truncation.TAIL));
        assertThat(r.erv()).isCloseTo(1.447603179254, within(1e-11));
        assertThat(r.era()).isCloseTo(0.117728590602, within(1e-11));
    }

    @Test
    void identityHasEffectiveRankOfItsCentredSpectrum() {
        // §3 identity example: I_n centred has n−1 equal singular values (σ = 1) and one zero → ER = n−1 (up to ε).
        int n = 6;
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) id[i][i] = 1;
        assertThat(ResponseRank.er(HiddenStates.of(id))).isCloseTo(n - 1, within(1e-6));
    }

    @Test
    void singularValues3And1GiveTheSpecExample() {
        assertThat(EffectiveRank.fromSingularValues(new double[]{3, 1})).isCloseTo(1.754765, within(1e-6));
    }
}
