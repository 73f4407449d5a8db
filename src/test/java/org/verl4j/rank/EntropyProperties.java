package org.verl4j.rank;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * ALGORITHM.md §11 P1, P8, P9 and "k equal singular values ⇒ ER = k": properties of ER as a function of the spectrum,
 * derived from the definition H = −Σ p_i ln(p_i + ε), p_i = σ_i/(Σσ + ε). Where ε matters the claim says so:
 * P1, P9 and k-equal are checked with Σσ ≥ 1, where ε shifts ER by less than ~n·ε relative; P8 holds exactly
 * with ε, since −p·ln(p + ε) is concave, so it is checked at every scale.
 */
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)   // occurrence is enforced by coverage checks
class EntropyProperties {

    /** Spectrum families, including the boundary cases of P1. */
    enum Shape { ONE_HOT, UNIFORM, WITH_ZEROS, TIES, WIDE_RANGE, GENERIC }

    record Spectrum(Shape shape, double[] sigma) {
        @Override
        public String toString() {
            return shape + " " + Arrays.toString(sigma);
        }
    }

    /** log10 of a spectrum's sum, uniform over [−12, 6]: ε = 1e-8 dominates below −8. */
    @Provide
    Arbitrary<Double> log10Sums() {
        return Arbitraries.doubles().between(-12, 6).withDistribution(RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<Spectrum> spectra() {
        return Combinators.combine(Arbitraries.of(Shape.class), Arbitraries.integers().between(1, 24),
                Arbitraries.doubles().between(0, 6), Arbitraries.longs()).as(EntropyProperties::spectrum);
    }

    /** A spectrum of n values with Σσ = 10^log10Sum (≥ 1: the regime where ε is negligible). */
    static Spectrum spectrum(Shape shape, int n, double log10Sum, long seed) {
        Random random = new Random(seed);
        double[] sigma = new double[n];
        switch (shape) {
            case ONE_HOT -> sigma[random.nextInt(n)] = 1;
            case UNIFORM -> { for (int i = 0; i < n; i++) sigma[i] = random.nextInt(3) == 0 ? 0 : 1; sigma[0] = 1; }
            case WITH_ZEROS -> { for (int i = 0; i < n; i++) sigma[i] = random.nextBoolean() ? 0 : random.nextDouble(); sigma[0] = 1; }
            case TIES -> { for (int i = 0; i < n; i++) sigma[i] = 1 + random.nextInt(3); }
            case WIDE_RANGE -> { for (int i = 0; i < n; i++) sigma[i] = Math.pow(10, -12 * random.nextDouble()); }
            case GENERIC -> { for (int i = 0; i < n; i++) sigma[i] = 0.01 + random.nextDouble(); }
        }
        double scale = Math.pow(10, log10Sum) / RankSamples.sum(sigma);
        for (int i = 0; i < n; i++) sigma[i] *= scale;
        return new Spectrum(shape, sigma);
    }

    /**
     * P1 with both equality cases made quantitative: with q = σ/Σσ and s = |supp q|,
     * {@code 1/max q ≤ ER ≤ s·exp(−½‖q − u_s‖₁²)} (min-entropy below, Pinsker above), so ER = 1 only for a
     * one-hot q and ER = s only for the uniform q on its support.
     */
    @Property(tries = 300)
    void exponentialEntropyLiesBetweenOneAndTheSupportSizeWithEqualityOnlyAtOneHotAndUniform(@ForAll("spectra") Spectrum spectrum) {
        double[] sigma = spectrum.sigma();
        double total = RankSamples.sum(sigma);
        int support = 0;
        double qMax = 0;
        for (double s : sigma) if (s > 0) { support++; qMax = Math.max(qMax, s / total); }
        double l1 = 0;
        for (double s : sigma) if (s > 0) l1 += Math.abs(s / total - 1.0 / support);

        double er = EffectiveRank.fromSingularValues(sigma);
        Statistics.label("shape").collect(spectrum.shape());
        assertThat(er).isGreaterThanOrEqualTo(1 / qMax * (1 - 1e-6)).isGreaterThanOrEqualTo(1 - 1e-6);
        assertThat(er).isLessThanOrEqualTo(support * Math.exp(-0.5 * l1 * l1) * (1 + 1e-6));
        if (spectrum.shape() == Shape.ONE_HOT) assertThat(er).isCloseTo(1, within(1e-6));
        if (spectrum.shape() == Shape.UNIFORM) assertThat(er).isCloseTo(support, within(1e-6 * support));
        Statistics.label("shape").coverage(c -> {
            for (Shape s : Shape.values()) c.check(s).percentage(p -> p >= 5);
        });
    }

    /** P8: if p = D·q for a doubly stochastic D (a mixture of permutations), p ≺ q, and ER(p) ≥ ER(q). */
    @Property(tries = 300)
    void effectiveRankIsSchurConcave(@ForAll("spectra") Spectrum spectrum, @ForAll("log10Sums") double log10Scale,
                                     @ForAll long seed) {
        double[] q = scaled(spectrum.sigma(), log10Scale);
        Random random = new Random(seed);
        double[] p = new double[q.length];
        double[] weights = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
        double weightSum = RankSamples.sum(weights);
        for (double w : weights) {
            int[] perm = RankSamples.shuffled(q.length, random);
            for (int i = 0; i < q.length; i++) p[i] += w / weightSum * q[perm[i]];   // (D q)_i
        }
        Statistics.label("scale").collect(log10Scale < -8 ? "Σσ < ε" : "Σσ ≥ ε");
        double erQ = EffectiveRank.fromSingularValues(q);
        assertThat(EffectiveRank.fromSingularValues(p)).isGreaterThanOrEqualTo(erQ * (1 - 1e-12));
        Statistics.label("scale").coverage(c -> c.check("Σσ < ε").percentage(x -> x >= 10));
    }

    /** P8: a transfer δ ∈ [0, σ_i − σ_j] from a larger σ_i to a smaller σ_j never lowers ER. */
    @Property(tries = 300)
    void transferFromALargerToASmallerSingularValueNeverLowersEffectiveRank(
            @ForAll("spectra") Spectrum spectrum, @ForAll("log10Sums") double log10Scale,
            @ForAll @DoubleRange(min = 0, max = 1) double fraction, @ForAll long seed) {
        double[] sigma = scaled(spectrum.sigma(), log10Scale);
        Random random = new Random(seed);
        int i = random.nextInt(sigma.length), j = (i + 1 + random.nextInt(Math.max(1, sigma.length - 1))) % sigma.length;
        if (sigma[i] < sigma[j]) { int k = i; i = j; j = k; }
        double[] after = sigma.clone();
        double delta = fraction * (sigma[i] - sigma[j]);
        after[i] -= delta;                                               // σ_i − δ
        after[j] += delta;                                               // σ_j + δ
        Statistics.label("transfer").collect(delta > 0 ? "δ > 0" : "δ = 0");
        assertThat(EffectiveRank.fromSingularValues(after))
                .isGreaterThanOrEqualTo(EffectiveRank.fromSingularValues(sigma) * (1 - 1e-12));
        Statistics.label("transfer").coverage(c -> c.check("δ > 0").percentage(x -> x >= 30));
    }

    /** P9: t ↦ ER((1−t)q + t·u), u uniform on supp q with the same sum, is non-decreasing and reaches |supp q|. */
    @Property(tries = 200)
    void uniformizingOnAFixedSupportNeverLowersEffectiveRankAndReachesTheSupportSize(@ForAll("spectra") Spectrum spectrum) {
        double[] q = spectrum.sigma();
        double total = RankSamples.sum(q);
        int support = 0;
        for (double s : q) if (s > 0) support++;
        double previous = 0;
        for (int step = 0; step <= 20; step++) {
            double t = step / 20.0;
            double[] mixed = new double[q.length];
            for (int i = 0; i < q.length; i++) mixed[i] = (1 - t) * q[i] + (q[i] > 0 ? t * total / support : 0);
            double er = EffectiveRank.fromSingularValues(mixed);
            assertThat(er).as("ER at t = %s", t).isGreaterThanOrEqualTo(previous - 1e-12 * support);
            previous = er;
        }
        Statistics.label("shape").collect(spectrum.shape());
        assertThat(previous).isCloseTo(support, within(1e-6 * support));
    }

    /** k equal singular values (any number of zeros beside them) give ER = k, up to ε: checked for σ ≥ 1e-2. */
    @Property(tries = 200)
    void kEqualSingularValuesGiveEffectiveRankK(@ForAll @IntRange(min = 1, max = 24) int k, @ForAll @IntRange(min = 0, max = 10) int zeros,
                                                @ForAll @DoubleRange(min = -2, max = 6) double log10Sigma, @ForAll long seed) {
        double[] sigma = new double[k + zeros];
        for (int i = 0; i < k; i++) sigma[i] = Math.pow(10, log10Sigma);
        int[] perm = RankSamples.shuffled(sigma.length, new Random(seed));
        double[] shuffled = new double[sigma.length];
        for (int i = 0; i < sigma.length; i++) shuffled[i] = sigma[perm[i]];
        Statistics.label("zeros").collect(zeros == 0 ? "none" : "some");
        assertThat(EffectiveRank.fromSingularValues(shuffled)).isCloseTo(k, within(1e-6 * k));
    }

    private static double[] scaled(double[] sigma, double log10Sum) {
        double factor = Math.pow(10, log10Sum) / RankSamples.sum(sigma);
        double[] out = new double[sigma.length];
        for (int i = 0; i < sigma.length; i++) out[i] = sigma[i] * factor;
        return out;
    }
}
