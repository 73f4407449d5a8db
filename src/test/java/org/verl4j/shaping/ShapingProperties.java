package org.verl4j.shaping;

import org.verl4j.shaping.VerlBonus.Placement;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.verl4j.rl.AdvantageEstimator;
import org.verl4j.rl.DrGrpo;
import org.verl4j.rl.Gae;
import org.verl4j.rl.Grpo;
import org.verl4j.rl.TokenBatch;
import org.verl4j.rl.TokenMask;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaping properties of ALGORITHM.md §7, derived from A = A0 + min(relu(b), |A0|/κ). */
class ShapingProperties {

    record Case(double[][] a0, boolean[][] mask, double[] aux) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 6))
                .flatAs((b, t) -> Combinators.combine(
                        Arbitraries.doubles().between(-5, 5).array(double[].class).ofSize(t).array(double[][].class).ofSize(b),
                        Arbitraries.integers().between(1, t).array(int[].class).ofSize(b),
                        Arbitraries.doubles().between(-5, 5).array(double[].class).ofSize(b))
                        .as((a0, lengths, aux) -> new Case(a0, TokenMask.ofLengths(lengths, t), aux)));
    }

    static double[][] shape(Case c, Placement p, double kappa) {
        return AdvantageShaping.shape(c.a0(), c.mask(), new VerlBonus(c.aux(), p), kappa);
    }

    @Property(tries = 300)
    void bonusLiesBetweenZeroAndTheMagnitudeOverKappa(@ForAll("cases") Case c, @ForAll Placement p,
                                                       @ForAll @DoubleRange(min = 0.1, max = 10) double kappa) {
        double[][] a = shape(c, p, kappa);
        for (int i = 0; i < a.length; i++)
            for (int t = 0; t < a[i].length; t++) {
                if (!c.mask()[i][t]) continue;
                double bonus = a[i][t] - c.a0()[i][t];
                double slack = Math.ulp(Math.abs(a[i][t]) + Math.abs(c.a0()[i][t]));   // one rounding of the sum
                assertThat(bonus).isBetween(-slack, Math.abs(c.a0()[i][t]) / kappa + slack);
            }
    }

    @Property(tries = 300)
    void kappaAboveOneKeepsTheSignOfTheAdvantage(@ForAll("cases") Case c, @ForAll Placement p,
                                                 @ForAll @DoubleRange(min = 1.01, max = 10) double kappa) {
        double[][] a = shape(c, p, kappa);
        for (int i = 0; i < a.length; i++)
            for (int t = 0; t < a[i].length; t++)
                if (c.mask()[i][t]) assertThat(Math.signum(a[i][t])).isEqualTo(Math.signum(c.a0()[i][t]));
    }

    @Property(tries = 300)
    void nonPositiveAuxChangesNothing(@ForAll("cases") Case c, @ForAll Placement p) {
        double[] negative = c.aux().clone();
        for (int i = 0; i < negative.length; i++) negative[i] = -Math.abs(negative[i]);
        double[][] a = AdvantageShaping.shape(c.a0(), c.mask(), new VerlBonus(negative, p), 2.0);
        for (int i = 0; i < a.length; i++)
            for (int t = 0; t < a[i].length; t++) if (c.mask()[i][t]) assertThat(a[i][t]).isEqualTo(c.a0()[i][t]);
    }

    @Property(tries = 300)
    void lastTokenPlacementChangesOnlyTheLastValidToken(@ForAll("cases") Case c) {
        double[][] a = shape(c, Placement.LAST_TOKEN, 2.0);
        for (int i = 0; i < a.length; i++) {
            int last = TokenMask.lastValid(c.mask()[i]);
            for (int t = 0; t < last; t++) assertThat(a[i][t]).isEqualTo(c.a0()[i][t]);
        }
    }

    @Property(tries = 300)
    void maskedAdvantagesNeverInfluenceShapingAndStayZero(@ForAll("cases") Case c, @ForAll Placement p) {
        double[][] junk = new double[c.a0().length][];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = c.a0()[i].clone();
            for (int t = 0; t < junk[i].length; t++) if (!c.mask()[i][t]) junk[i][t] = Double.NaN;
        }
        double[][] a = shape(c, p, 2.0);
        assertThat(AdvantageShaping.shape(junk, c.mask(), new VerlBonus(c.aux(), p), 2.0)).isDeepEqualTo(a);
        for (int i = 0; i < a.length; i++)
            for (int t = 0; t < a[i].length; t++) if (!c.mask()[i][t]) assertThat(a[i][t]).isZero();
    }

    @Property(tries = 200)
    void entropyBonusObeysTheSameClip(@ForAll("cases") Case c, @ForAll @DoubleRange(min = 0, max = 2) double beta) {
        double[][] h = new double[c.a0().length][c.a0()[0].length];
        for (int i = 0; i < h.length; i++) for (int t = 0; t < h[i].length; t++) h[i][t] = Math.abs(c.a0()[(i + 1) % h.length][t]);
        double[][] a = AdvantageShaping.shape(c.a0(), c.mask(), new EntropyBonus(h, beta), 2.0);
        for (int i = 0; i < a.length; i++)
            for (int t = 0; t < a[i].length; t++) {
                if (!c.mask()[i][t]) continue;
                double expected = c.a0()[i][t] + Math.min(beta * h[i][t], Math.abs(c.a0()[i][t]) / 2.0);
                assertThat(a[i][t]).isEqualTo(expected);
            }
    }

    @Property(tries = 200)
    void zeroWeightVerlReproducesThePlainEstimatorExactly(@ForAll("cases") Case c, @ForAll VerlConfig.Target target) {
        double[][] rewards = new double[c.a0().length][];
        for (int i = 0; i < rewards.length; i++) rewards[i] = c.a0()[i].clone();
        int[] groups = new int[rewards.length];
        TokenBatch batch = new TokenBatch(rewards, c.mask(), groups, rewards);
        VerlConfig zero = VerlConfig.defaults().withScaling(VerlConfig.Scaling.FIXED, 0.0).withTarget(target);
        AuxTerms t = VerlAux.of(new RankIndicators(1, 2, 3), new RankIndicators(0.5, 1, 9), VerlAux.scaling(zero, 0), zero);
        double[] aux = new double[rewards.length];
        java.util.Arrays.fill(aux, t.aux());
        int validTokens = 0;
        for (boolean[] row : c.mask()) validTokens += TokenMask.validCount(row);
        List<AdvantageEstimator> estimators = validTokens >= 2                    // whitening needs two tokens
                ? List.of(new Grpo(), new DrGrpo(), new Gae(0.9, 0.8)) : List.of(new Grpo(), new DrGrpo());
        for (AdvantageEstimator e : estimators) {
            assertThat(AdvantageShaping.verl(batch, e, aux, zero).a().advantages()).isDeepEqualTo(e.estimate(batch).advantages());
            assertThat(AdvantageShaping.shape(e.estimate(batch).advantages(), c.mask(), AuxSlot.NONE, 2.0))
                    .isDeepEqualTo(e.estimate(batch).advantages());
        }
    }

    @Property(tries = 200)
    void theVerlPathsA0IsTheEstimatorOnTheRewardsItShapedAndAIsItsBonusOfA0(@ForAll("cases") Case c,
                                                                            @ForAll VerlConfig.Target target) {
        double[][] rewards = new double[c.a0().length][];
        for (int i = 0; i < rewards.length; i++) rewards[i] = c.a0()[i].clone();
        TokenBatch batch = TokenBatch.of(rewards, c.mask(), new int[rewards.length]);
        VerlConfig config = VerlConfig.defaults().withTarget(target);
        AdvantageShaping.Shaped v = AdvantageShaping.verl(batch, new Grpo(), c.aux(), config);
        double[][] r = target.shapesReward() ? AdvantageShaping.addToReward(rewards, c.mask(), c.aux()) : rewards;
        // independent route: the estimator and the §7 clip called by hand on the same rewards
        double[][] a0 = new Grpo().estimate(TokenBatch.of(r, c.mask(), new int[rewards.length])).advantages();
        assertThat(v.a0().advantages()).isDeepEqualTo(a0);
        assertThat(v.a().advantages()).isDeepEqualTo(target.shapesAdvantage()
                ? AdvantageShaping.shape(a0, c.mask(), new VerlBonus(c.aux(), config.placement()), config.kappa()) : a0);
    }
}
