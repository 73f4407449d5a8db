package org.verl4j.rl;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Properties of the losses (ALGORITHM.md §8) that follow from their definitions. */
class LossProperties {

    /** logπ, logπ_old, logπ_ref, A, H (all [B][T]) and a prefix mask. */
    record Inputs(double[][] logp, double[][] old, double[][] ref, double[][] adv, double[][] entropy, boolean[][] mask) {
    }

    @Provide
    Arbitrary<Inputs> inputs() {
        return Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 6))
                .flatAs((b, t) -> Combinators.combine(
                        Arbitraries.doubles().between(-4, 0).ofScale(6).array(double[].class).ofSize(3 * b * t),
                        Arbitraries.doubles().between(-3, 3).ofScale(6).array(double[].class).ofSize(b * t),
                        Arbitraries.integers().between(1, t).array(int[].class).ofSize(b))
                        .as((lp, a, lengths) -> new Inputs(slice(lp, 0, b, t), slice(lp, 1, b, t), slice(lp, 2, b, t),
                                slice(a, 0, b, t), abs(slice(a, 0, b, t)), TokenMask.ofLengths(lengths, t))));
    }

    static double[][] slice(double[] flat, int k, int b, int t) {
        double[][] x = new double[b][t];
        for (int i = 0; i < b; i++) System.arraycopy(flat, (k * b + i) * t, x[i], 0, t);
        return x;
    }

    static double[][] abs(double[][] x) {
        for (double[] row : x) for (int t = 0; t < row.length; t++) row[t] = Math.abs(row[t]);
        return x;
    }

    static double[][] junk(double[][] x, boolean[][] mask) {
        double[][] j = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            j[i] = x[i].clone();
            for (int t = 0; t < j[i].length; t++) if (!mask[i][t]) j[i][t] = Double.NaN;
        }
        return j;
    }

    @Property(tries = 150)
    void maskedPositionsNeverInfluenceTheActorLoss(@ForAll("inputs") Inputs in, @ForAll LossAggregation agg) {
        ActorLoss loss = new ActorLoss(new PolicyLoss(0.2, 0.28, 3, agg), 0.001, 0.001, KlEstimator.K3);
        ActorLoss.Result a = loss.compute(in.logp(), in.old(), in.ref(), in.adv(), in.entropy(), in.mask());
        boolean[][] m = in.mask();
        ActorLoss.Result b = loss.compute(junk(in.logp(), m), junk(in.old(), m), junk(in.ref(), m), junk(in.adv(), m),
                junk(in.entropy(), m), m);
        assertThat(b).isEqualTo(a);
        assertThat(a.loss()).isFinite();
        assertThat(a.policy().clipFraction()).isBetween(0.0, 1.0);
        assertThat(a.policy().clipFractionLower()).isBetween(0.0, 1.0);
    }

    @Property(tries = 150)
    void atRatioOneTheSurrogateIsMinusTheAggregatedAdvantage(@ForAll("inputs") Inputs in, @ForAll LossAggregation agg) {
        PolicyLoss.Result r = new PolicyLoss(0.2, 0.2, 3, agg).compute(in.old(), in.old(), in.adv(), in.mask());
        double[][] minusA = new double[in.adv().length][];
        for (int i = 0; i < minusA.length; i++) {
            minusA[i] = in.adv()[i].clone();
            for (int t = 0; t < minusA[i].length; t++) minusA[i][t] = -minusA[i][t];
        }
        assertThat(r.loss()).isCloseTo(agg.aggregate(minusA, in.mask()), within(1e-12));
        assertThat(r.clipFraction()).isZero();
        assertThat(r.approxKl()).isZero();
    }

    @Property(tries = 150)
    void clippedSurrogateIsNeverBelowTheUnclippedOne(@ForAll("inputs") Inputs in) {
        // max(ℓ1, ℓ2) ≥ ℓ1 token by token, so the loss is ≥ the plain importance-weighted loss (no dual clip)
        PolicyLoss.Result r = PolicyLoss.defaults().withoutDualClip().compute(in.logp(), in.old(), in.adv(), in.mask());
        double[][] l1 = new double[in.adv().length][in.adv()[0].length];
        for (int i = 0; i < l1.length; i++)
            for (int t = 0; t < l1[i].length; t++)
                l1[i][t] = -in.adv()[i][t] * Math.exp(Math.max(-20, Math.min(20, in.logp()[i][t] - in.old()[i][t])));
        assertThat(r.loss()).isGreaterThanOrEqualTo(LossAggregation.TOKEN_MEAN.aggregate(l1, in.mask()) - 1e-12);
    }

    @Property(tries = 150)
    void k2AndK3AreNonNegativeAndAgreeToSecondOrder(@ForAll @DoubleRange(min = -3, max = 3) double logp,
                                                   @ForAll @DoubleRange(min = -0.1, max = 0.1) double d) {
        assertThat(KlEstimator.K2.of(logp, logp - d)).isGreaterThanOrEqualTo(0.0);
        assertThat(KlEstimator.K3.of(logp, logp - d)).isGreaterThanOrEqualTo(0.0);
        // k3 = e^{−d} + d − 1 = d²/2 − d³/6 + d⁴/24 − …, so |k3 − k2| ≤ |d|³/5 for |d| ≤ 0.1
        assertThat(KlEstimator.K3.of(logp, logp - d)).isCloseTo(KlEstimator.K2.of(logp, logp - d), within(Math.abs(d * d * d) / 5 + 1e-15));
    }
}
