package org.verl4j.rank;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.verl4j.rank.RankSamples.Kind;
import org.verl4j.rank.RankSamples.Sample;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * ALGORITHM.md §11 P2, P3, P4, P5, P7: ER of a matrix under the transformations centring does or does not absorb.
 * Oracle for ranks and Σσ: a plain EJML SVD of the centred matrix ({@link RankSamples#centredSingularValues}).
 * Every generated family (Gaussian, rank-deficient, duplicated rows, tiny scale 1e-10, constant) is required to
 * occur in at least 5% of the tries.
 */
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)   // occurrence is enforced by coverage checks
class EffectiveRankProperties {

    static final double EPSILON = EffectiveRank.EPSILON;

    @Provide
    Arbitrary<Sample> matrices() {
        return RankSamples.matrices(2);
    }

    /**
     * P2 in the exact form ε allows: {@code e^−ε ≤ ER ≤ r·exp(ε/(Σσ + ε))}, r = rank(Zc) ≤ min(T−1, d), and
     * ER = 1 when Zc = 0. When Σσ ≫ ε this is the spec's {@code 1 ≤ ER ≤ rank(Zc)}; when Σσ ≲ ε the upper bound
     * really is looser — a rank-1 matrix with Σσ = 1e-9 has ER = 1.2436 (see {@code EpsilonConventionTest}).
     */
    @Property(tries = 200)
    void effectiveRankLiesBetweenOneAndTheRankOfTheCentredMatrix(@ForAll("matrices") Sample sample) {
        HiddenStates z = sample.z();
        double[] sigma = RankSamples.centredSingularValues(z);
        int rank = RankSamples.numericalRank(sigma);
        double total = RankSamples.sum(sigma);
        double er = ResponseRank.er(z);
        collectKind(sample);
        Statistics.label("Σσ").collect(total == 0 ? "Zc = 0" : total < EPSILON ? "Σσ < ε" : "Σσ ≥ ε");

        assertThat(rank).isLessThanOrEqualTo(Math.min(z.rows() - 1, z.cols()));
        if (rank == 0) {
            assertThat(er).as("Zc = 0 gives ER = 1").isEqualTo(1.0);
        } else {
            assertThat(er).isGreaterThanOrEqualTo(Math.exp(-EPSILON) - 1e-12);
            assertThat(er).isLessThanOrEqualTo(rank * Math.exp(EPSILON / (total + EPSILON)) + 1e-9 * rank);
            if (total >= 1) assertThat(er).isLessThanOrEqualTo(rank * (1 + 1e-6));
        }
        requireEveryKind();
        Statistics.label("Σσ").coverage(c -> {
            c.check("Zc = 0").percentage(p -> p >= 5);
            c.check("Σσ < ε").percentage(p -> p >= 5);
        });
    }

    /** P3: ER(ZQ) = ER(Z) for an orthogonal Q (the spectrum does not depend on the basis). */
    @Property(tries = 200)
    void effectiveRankIsInvariantUnderRotation(@ForAll("matrices") Sample sample, @ForAll long seed) {
        HiddenStates z = sample.z();
        double er = ResponseRank.er(z);
        collectKind(sample);
        if (RankSamples.numericalRank(RankSamples.centredSingularValues(z)) == 0) {
            // Rotated equal rows are equal doubles that are no longer float32: their mean is rounded, which is
            // the subject of SpectrumProperties.allEqualRowsOfArbitraryDoublesHaveEffectiveRankOne.
            assertThat(er).isEqualTo(1.0);
        } else {
            double[][] q = RankSamples.orthogonal(z.cols(), seed);
            assertThat(ResponseRank.er(RankSamples.times(z, q))).isCloseTo(er, within(1e-9 * er));
        }
        requireEveryKind();
    }

    /** P4: ER(Z + 1bᵀ) = ER(Z) (centring removes any common offset). */
    @Property(tries = 200)
    void effectiveRankIsInvariantUnderTranslation(@ForAll("matrices") Sample sample, @ForAll long seed) {
        HiddenStates z = sample.z();
        Random random = new Random(seed);
        double scale = maxAbs(z);
        double[] translated = z.data().clone();
        double[] b = new double[z.cols()];
        for (int j = 0; j < b.length; j++) b[j] = (float) (scale * 20 * (random.nextDouble() - 0.5));   // float32 b
        for (int i = 0; i < translated.length; i++) translated[i] += b[i % z.cols()];
        collectKind(sample);
        double er = ResponseRank.er(z);
        assertThat(ResponseRank.er(new HiddenStates(z.rows(), z.cols(), translated))).isCloseTo(er, within(1e-9 * er));
        requireEveryKind();
    }

    /**
     * P5: ER(cZ) = ER(Z) for c &gt; 0, while the spectrum dwarfs ε (ε is an absolute constant, so ER is not
     * scale-free where Σσ ≲ ε): matrices with Σσ &lt; 2^10 are first lifted by a power of two, then compared
     * at c ∈ [2^−10, 2^10]. c has a 12-bit mantissa, so scaling float32 entries is exact.
     */
    @Property(tries = 200)
    void effectiveRankIsInvariantUnderScaling(@ForAll("matrices") Sample sample, @ForAll @IntRange(min = -10, max = 9) int exponent,
                                              @ForAll @IntRange(min = 0, max = 4095) int mantissa) {
        double total = RankSamples.sum(RankSamples.centredSingularValues(sample.z()));
        double lift = total > 0 && total < 0x1p10 ? Math.scalb(1.0, 20 - Math.getExponent(total)) : 1;
        double c = Math.scalb(1 + mantissa / 4096.0, exponent);
        HiddenStates z = scaled(sample.z(), lift);
        collectKind(sample);
        Statistics.label("lifted").collect(lift > 1);
        double er = ResponseRank.er(z);
        assertThat(ResponseRank.er(scaled(z, c))).isCloseTo(er, within(1e-7 * er));
        requireEveryKind();
    }

    /**
     * P7: left multiplication by a row permutation leaves ER unchanged (it commutes with centring), and so does an
     * orthogonal U with U·1 = 1 (a reflection in the complement of 1); a general U does not commute with centring
     * and changes ER (checked where rank(Zc) ≥ 2 and Σσ ≥ 1: almost surely |ΔER| &gt; 1e-9).
     */
    @Property(tries = 200)
    void leftMultiplicationChangesEffectiveRankUnlessItCommutesWithCentring(@ForAll("matrices") Sample sample, @ForAll long seed) {
        HiddenStates z = sample.z();
        Random random = new Random(seed);
        double er = ResponseRank.er(z);
        collectKind(sample);
        HiddenStates permuted = RankSamples.permuteRows(z, RankSamples.shuffled(z.rows(), random));
        assertThat(ResponseRank.er(permuted)).as("P·Z").isCloseTo(er, within(1e-9 * er));

        double[] sigma = RankSamples.centredSingularValues(z);
        int rank = RankSamples.numericalRank(sigma);
        if (rank >= 1) {
            double[][] reflection = reflectionFixingOnes(z.rows(), random);
            assertThat(ResponseRank.er(leftMultiply(reflection, z))).as("H·Z, H·1 = 1").isCloseTo(er, within(1e-9 * er));
        }
        boolean generic = rank >= 2 && RankSamples.sum(sigma) >= 1;
        Statistics.label("general U checked").collect(generic);
        if (generic) {
            double[][] u = new double[z.rows()][z.rows()];
            for (double[] row : u) for (int k = 0; k < row.length; k++) row[k] = random.nextGaussian();
            assertThat(Math.abs(ResponseRank.er(leftMultiply(u, z)) - er)).as("|ER(UZ) − ER(Z)|").isGreaterThan(1e-9);
        }
        requireEveryKind();
        // the share of generic samples is ≈ 1/3 (29.5% seen in one run, so 30% was a coin toss); at 200 tries one
        // binomial σ is ≈ 3.3 points, and 20% sits 4 σ below a true third: the check still catches a generator
        // that stops producing generic matrices, without failing on an unlucky seed
        Statistics.label("general U checked").coverage(c -> c.check(true).percentage(p -> p >= 20));
    }

    /** H = I − 2vvᵀ/‖v‖² with v ⊥ 1: orthogonal, H·1 = 1. */
    static double[][] reflectionFixingOnes(int n, Random random) {
        double[] v = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) mean += (v[i] = random.nextGaussian()) / n;
        double norm2 = 0;
        for (int i = 0; i < n; i++) norm2 += (v[i] -= mean) * v[i];
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1;
            for (int k = 0; k < n; k++) if (norm2 > 0) h[i][k] -= 2 * v[i] * v[k] / norm2;
        }
        return h;
    }

    static HiddenStates leftMultiply(double[][] u, HiddenStates z) {
        double[][] out = new double[z.rows()][z.cols()];
        for (int i = 0; i < z.rows(); i++)
            for (int t = 0; t < z.rows(); t++)
                for (int j = 0; j < z.cols(); j++) out[i][j] += u[i][t] * z.get(t, j);
        return new HiddenStates(z.rows(), z.cols(), RankSamples.flatten(out));
    }

    static HiddenStates scaled(HiddenStates z, double c) {
        double[] out = z.data().clone();
        for (int i = 0; i < out.length; i++) out[i] *= c;
        return new HiddenStates(z.rows(), z.cols(), out);
    }

    static double maxAbs(HiddenStates z) {
        double m = 0;
        for (double v : z.data()) m = Math.max(m, Math.abs(v));
        return m == 0 ? 1 : m;
    }

    static void collectKind(Sample sample) {
        Statistics.label("kind").collect(sample.kind());
    }

    /** Every family of {@link Kind} occurs in at least 5% of the tries. */
    static void requireEveryKind() {
        Statistics.label("kind").coverage(c -> {
            for (Kind k : Kind.values()) c.check(k).percentage(p -> p >= 5);
        });
    }
}
