package org.verl4j.rl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** PPO surrogate, aggregation, KL, value and actor losses on hand-computed cases (ALGORITHM.md §8). */
class PolicyLossTest {

    static final boolean[][] ALL3 = {{true, true, true}};

    @Test
    void clippedSurrogateMatchesTheHandComputation() {
        // ρ = [1, 1.5, 0.5], A = [1, 1, −1]: ℓ = [−1, max(−1.5, −1.2), max(0.5, 0.8)] = [−1, −1.2, 0.8]
        double[][] old = {{0, 0, 0}}, logp = {{0, Math.log(1.5), Math.log(0.5)}}, adv = {{1, 1, -1}};
        PolicyLoss.Result r = PolicyLoss.defaults().compute(logp, old, adv, ALL3);
        assertThat(r.loss()).isCloseTo(-1.4 / 3, within(1e-15));
        assertThat(r.clipFraction()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(r.clipFractionLower()).isZero();
        assertThat(r.approxKl()).isCloseTo(-Math.log(0.75) / 3, within(1e-15));
    }

    @Test
    void dualClipCapsTheLossOfNegativeAdvantagesAtC() {
        double[][] logp = {{Math.log(5)}}, old = {{0}}, adv = {{-1}};
        boolean[][] m = {{true}};
        assertThat(PolicyLoss.defaults().withoutDualClip().compute(logp, old, adv, m).loss()).isCloseTo(5, within(1e-12));
        PolicyLoss.Result dual = PolicyLoss.defaults().withDualClip(3).compute(logp, old, adv, m);
        assertThat(dual.loss()).isEqualTo(3.0);
        assertThat(dual.clipFractionLower()).isEqualTo(1.0);
        assertThat(PolicyLoss.defaults().withDualClip(3).compute(logp, old, new double[][]{{1}}, m).loss())
                .isCloseTo(-1.2, within(1e-15));                              // A > 0: dual clip does not apply
    }

    @Test
    void logRatioIsClampedAtTwenty() {
        double[][] logp = {{50}}, old = {{0}}, adv = {{-1}};
        PolicyLoss.Result r = PolicyLoss.defaults().withoutDualClip().compute(logp, old, adv, new boolean[][]{{true}});
        assertThat(r.loss()).isEqualTo(Math.exp(20));
        assertThat(r.approxKl()).isEqualTo(-20.0);
    }

    @Test
    void separateLowAndHighClip() {
        PolicyLoss asym = new PolicyLoss(0.2, 0.28, 3, LossAggregation.TOKEN_MEAN).withoutDualClip();
        double[][] logp = {{Math.log(1.5)}}, old = {{0}};
        assertThat(asym.compute(logp, old, new double[][]{{1}}, new boolean[][]{{true}}).loss()).isCloseTo(-1.28, within(1e-15));
    }

    @Test
    void aggregationModesOnRaggedMasks() {
        double[][] loss = {{1, 2, 3}, {4, 99, 99}};
        boolean[][] m = {{true, true, true}, {true, false, false}};
        assertThat(LossAggregation.TOKEN_MEAN.aggregate(loss, m)).isEqualTo(2.5);
        assertThat(LossAggregation.SEQ_MEAN_TOKEN_SUM.aggregate(loss, m)).isEqualTo(5.0);
        assertThat(LossAggregation.SEQ_MEAN_TOKEN_MEAN.aggregate(loss, m)).isEqualTo(3.0);
    }

    @Test
    void klEstimatorsMatchTheirDefinitions() {
        assertThat(KlEstimator.K1.of(-1, -1.5)).isEqualTo(0.5);
        assertThat(KlEstimator.ABS.of(-1.5, -1)).isEqualTo(0.5);
        assertThat(KlEstimator.K2.of(-1, -1.5)).isEqualTo(0.125);
        assertThat(KlEstimator.K3.of(-1, -1.5)).isCloseTo(Math.exp(-0.5) + 0.5 - 1, within(1e-16));
        assertThat(KlEstimator.K3.of(0, 20)).isEqualTo(10.0);                 // clamped
    }

    @Test
    void klInTheRewardSubtractsBetaTimesKAtValidTokens() {
        KlPenalty.InReward r = KlPenalty.inReward(new double[][]{{0, 1, 7}}, new double[][]{{-1, -1, 0}},
                new double[][]{{-1.5, -1, 0}}, new boolean[][]{{true, true, false}}, 0.1, KlEstimator.K1);
        assertThat(r.rewards()[0]).containsExactly(new double[]{-0.05, 1, 0}, within(1e-16));
        assertThat(r.currentKl()).isEqualTo(0.25);
    }

    @Test
    void valueLossClipsAroundTheOldValues() {
        ValueLoss.Result r = ValueLoss.defaults().compute(new double[][]{{1.0, 2.0}}, new double[][]{{0, 2.0}},
                new double[][]{{1.2, 3.0}}, new boolean[][]{{true, true}});
        assertThat(r.loss()).isCloseTo(0.5 * (0.49 + 1.0) / 2, within(1e-15));
        assertThat(r.clipFraction()).isEqualTo(0.5);
    }

    @Test
    void actorLossAddsEntropyBonusAndKlWithTheirSigns() {
        double[][] logp = {{-1, -2}}, old = {{-1, -2}}, ref = {{-1.5, -2}}, adv = {{1, -1}}, h = {{2, 4}};
        boolean[][] m = {{true, true}};
        ActorLoss.Result r = new ActorLoss(PolicyLoss.defaults(), 0.01, 0.1, KlEstimator.K1).compute(logp, old, ref, adv, h, m);
        assertThat(r.policy().loss()).isEqualTo(0.0);                          // ρ = 1: (−1 + 1)/2
        assertThat(r.entropy()).isEqualTo(3.0);
        assertThat(r.kl()).isEqualTo(0.25);
        assertThat(r.loss()).isCloseTo(0 - 0.01 * 3 + 0.1 * 0.25, within(1e-16));
    }

    @Test
    void nonFiniteValidInputIsAnErrorNamingTensorRowAndColumn() {
        assertThatThrownBy(() -> PolicyLoss.defaults().compute(new double[][]{{0, Double.NaN}}, new double[][]{{0, 0}},
                new double[][]{{1, 1}}, new boolean[][]{{true, true}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logProb").hasMessageContaining("row 0, column 1");
    }
}
