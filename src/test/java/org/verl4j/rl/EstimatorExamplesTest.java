package org.verl4j.rl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Estimators on hand-computed cases and against naive oracles kept here (ALGORITHM.md §8). */
class EstimatorExamplesTest {

    @Test
    void rlooSubtractsTheMeanOfTheOthers() {
        assertThat(new Rloo().perResponse(new double[]{1, 0, 0, 1, 5}, new int[]{0, 0, 0, 0, 1}))
                .containsExactly(new double[]{2.0 / 3, -2.0 / 3, -2.0 / 3, 2.0 / 3, 5}, within(1e-15));
    }

    @Test
    void drGrpoOnlyCentres() {
        assertThat(new DrGrpo().perResponse(new double[]{1, -1, 0.5}, new int[3]))
                .containsExactly(new double[]{5.0 / 6, -7.0 / 6, 1.0 / 3}, within(1e-15));
    }

    /** Naive oracle: Â_t = Σ_{l ≥ 0} (γλ)^l δ_{t+l}, written as a sum instead of a recursion. */
    static double[] naiveGae(double[] r, double[] v, double gamma, double lambda) {
        int n = r.length;
        double[] delta = new double[n], a = new double[n];
        for (int t = 0; t < n; t++) delta[t] = r[t] + gamma * (t + 1 < n ? v[t + 1] : 0) - v[t];
        for (int t = 0; t < n; t++) for (int l = 0; t + l < n; l++) a[t] += Math.pow(gamma * lambda, l) * delta[t + l];
        return a;
    }

    @Test
    void gaeReturnsMatchTheNaiveSumAndAdvantagesAreWhitened() {
        double[][] r = {{0, 0.3, 1, 9}, {0.5, -1, 9, 9}};
        double[][] v = {{0.5, 0.6, 0.7, 9}, {0.2, 0.1, 9, 9}};
        boolean[][] m = TokenMask.ofLengths(new int[]{3, 2}, 4);
        Advantages a = new Gae(0.9, 0.8).estimate(new TokenBatch(r, m, new int[]{0, 1}, v));
        double[] raw0 = naiveGae(new double[]{0, 0.3, 1}, new double[]{0.5, 0.6, 0.7}, 0.9, 0.8);
        double[] raw1 = naiveGae(new double[]{0.5, -1}, new double[]{0.2, 0.1}, 0.9, 0.8);
        for (int t = 0; t < 3; t++) assertThat(a.returns()[0][t]).isCloseTo(raw0[t] + v[0][t], within(1e-14));
        for (int t = 0; t < 2; t++) assertThat(a.returns()[1][t]).isCloseTo(raw1[t] + v[1][t], within(1e-14));
        double[] all = {raw0[0], raw0[1], raw0[2], raw1[0], raw1[1]};
        double mean = 0, ss = 0;
        for (double x : all) mean += x / 5;
        for (double x : all) ss += (x - mean) * (x - mean) / 4;
        assertThat(a.advantages()[1][1]).isCloseTo((raw1[1] - mean) / Math.sqrt(ss + 1e-8), within(1e-12));
    }

    @Test
    void gaeWithGammaLambdaOneIsReturnMinusValue() {
        double[][] r = {{0, 0, 1}, {0, 1, 0}};
        double[][] v = {{0.5, 0.6, 0.7}, {0.1, 0.2, 0.3}};
        Advantages a = new Gae().estimate(new TokenBatch(r, TokenMask.ofLengths(new int[]{3, 2}, 3), new int[2], v));
        assertThat(a.returns()[0]).containsExactly(new double[]{1, 1, 1}, within(1e-15));
        assertThat(a.returns()[1]).containsExactly(new double[]{1, 1, 0}, within(1e-15));
    }

    @Test
    void gaeWithoutValuesIsAnError() {
        assertThatThrownBy(() -> new Gae().estimate(TokenBatch.of(new double[][]{{1, 2}}, new boolean[][]{{true, true}}, new int[1])))
                .hasMessageContaining("critic values");
    }

    @Test
    void reinforcePlusPlusDiscountsWithinTheResponse() {
        double[][] r = {{0, 0, 1}, {0, 1, 5}};
        Advantages a = new ReinforcePlusPlus(0.5).estimate(TokenBatch.of(r, TokenMask.ofLengths(new int[]{3, 2}, 3), new int[2]));
        assertThat(a.returns()[0]).containsExactly(0.25, 0.5, 1.0);
        assertThat(a.returns()[1]).containsExactly(0.5, 1.0, 0.0);
        double sum = 0;
        for (double[] row : a.advantages()) for (double x : row) sum += x;
        assertThat(sum).isCloseTo(0, within(1e-12));
    }

    @Test
    void reinforcePlusPlusBaselineWhitensCentredScores() {
        double[][] r = {{0, 1}, {0, 0}};
        Advantages a = new ReinforcePlusPlusBaseline().estimate(TokenBatch.of(r, TokenMask.ofLengths(new int[]{2, 1}, 2), new int[2]));
        // centred [0.5, −0.5] on tokens [0.5, 0.5, −0.5]: μ = 1/6, σ² = (2·(1/3)² + (2/3)²)/2 = 1/3
        double scale = 1 / Math.sqrt(1.0 / 3 + 1e-8);
        assertThat(a.advantages()[0]).containsExactly(new double[]{scale / 3, scale / 3}, within(1e-12));
        assertThat(a.advantages()[1][0]).isCloseTo(-2 * scale / 3, within(1e-12));
        assertThat(a).isInstanceOf(Advantages.Outcome.class);
        assertThat(a.returns()).isDeepEqualTo(a.advantages());
    }

    @Test
    void emptyResponsesAndBadShapesAreRejectedByName() {
        assertThatThrownBy(() -> TokenBatch.of(new double[][]{{1}}, new boolean[][]{{false}}, new int[1]))
                .hasMessageContaining("row 0 has no valid token");
        assertThatThrownBy(() -> TokenBatch.of(new double[][]{{1, 2}}, new boolean[][]{{true}}, new int[1]))
                .hasMessageContaining("rewards: row 0 has 2 columns, expected 1");
        assertThatThrownBy(() -> TokenBatch.of(new double[][]{{1}}, new boolean[][]{{true}}, new int[2]))
                .hasMessageContaining("groupIds");
    }
}
