package org.verl4j.rank;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.verl4j.rank.RankSamples.Kind;
import org.verl4j.rank.RankSamples.Trajectory;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * ALGORITHM.md §11 P6, P10, P11, P12, P13: the windowed ERV/ERA of §3 (E_j = ER(Z[0..js]), v_j against the mean of all
 * earlier windows, a_j = v_j − v_{j−1}).
 */
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)   // occurrence is enforced by coverage checks
class RankDynamicsProperties {

    @Provide
    Arbitrary<Trajectory> trajectories() {
        return RankSamples.trajectories();
    }

    /**
     * P6, first half: a row permutation keeps ER; one that maps every window's rows onto themselves (shuffling
     * inside the segments between window ends, or any permutation of a trajectory without windows) also keeps
     * ERV and ERA exactly. Every family of trajectories, including the degenerate ones.
     */
    @Property(tries = 200)
    void rowPermutationKeepsEffectiveRankAndWindowPreservingOnesKeepVelocity(@ForAll("trajectories") Trajectory trajectory,
                                                                            @ForAll boolean withinSegments, @ForAll long seed) {
        HiddenStates z = trajectory.z();
        Random random = new Random(seed);
        int[] perm = withinSegments ? shuffledWithinSegments(z.rows(), trajectory.stride(), random) : RankSamples.shuffled(z.rows(), random);
        RankDynamics r = ResponseRank.measure(z, trajectory.options());
        RankDynamics permuted = ResponseRank.measure(RankSamples.permuteRows(z, perm), trajectory.options());

        assertThat(permuted.er()).as("ER").isCloseTo(r.er(), within(1e-9 * r.er()));
        boolean keepsWindows = keepsEveryWindow(perm, trajectory.stride());
        if (keepsWindows) {
            assertThat(permuted.erv()).as("ERV").isCloseTo(r.erv(), within(1e-9 * (1 + Math.abs(r.erv()))));
            assertThat(permuted.era()).as("ERA").isCloseTo(r.era(), within(1e-9 * (1 + Math.abs(r.era()))));
        }
        Statistics.label("permutation").collect(keepsWindows ? "keeps every window" : "crosses windows");
        EffectiveRankProperties.collectKind(trajectory.sample());
        EffectiveRankProperties.requireEveryKind();
        Statistics.label("permutation").coverage(c -> {
            c.check("keeps every window").percentage(p -> p >= 20);
            c.check("crosses windows").percentage(p -> p >= 20);
        });
    }

    /**
     * P6, second half, and P11 (equal ER, different ERV): a permutation that moves a row across a window end
     * changes ERV while ER stays. Asserted on generic trajectories — Gaussian, d ≥ 2, s ≥ 2 (windows of ≥ 3
     * rows, whose ER varies continuously with the rows; a 2-row window has ER ≈ 1 whatever its rows) and
     * T ≥ 2s+1 — where equality has probability 0.
     */
    @Property(tries = 150)
    void rowPermutationAcrossWindowsChangesVelocityButNotEffectiveRank(
            @ForAll @IntRange(min = 2, max = 19) int s, @ForAll @IntRange(min = 0, max = 60) int extraRows,
            @ForAll @IntRange(min = 2, max = 24) int d, @ForAll long seed) {
        int rowsT = Math.min(60, 2 * s + 1 + extraRows);
        HiddenStates z = RankSamples.sample(Kind.GAUSSIAN, rowsT, d, seed).z();
        Random random = new Random(seed + 1);
        int[] perm = RankSamples.shuffled(rowsT, random);
        RankOptions options = new RankOptions(s, 512, Truncation.TAIL);
        RankDynamics r = ResponseRank.measure(z, options);
        RankDynamics permuted = ResponseRank.measure(RankSamples.permuteRows(z, perm), options);

        assertThat(r.ervMeasured()).isTrue();
        assertThat(permuted.er()).as("ER").isCloseTo(r.er(), within(1e-9 * r.er()));
        boolean crosses = !keepsEveryWindow(perm, s);
        if (crosses) assertThat(Math.abs(permuted.erv() - r.erv())).as("|ΔERV|").isGreaterThan(1e-9);
        else assertThat(permuted.erv()).as("ERV").isCloseTo(r.erv(), within(1e-9 * (1 + Math.abs(r.erv()))));
        Statistics.label("permutation").collect(crosses ? "crosses windows" : "keeps every window");
        Statistics.label("permutation").coverage(c -> c.check("crosses windows").percentage(p -> p >= 80));
    }

    /**
     * P10: ERV and ERA inherit P3–P5: unchanged by Z·Q, Z + 1bᵀ and c·Z. As for P5, trajectories whose smallest
     * non-zero window spectrum is below 2^10 are first lifted by a power of two so that ε is negligible in every
     * window. Trajectories with an all-equal window are not rotated (see SpectrumProperties: rotated equal rows
     * expose the rounded mean).
     */
    @Property(tries = 150)
    void velocityAndAccelerationAreInvariantUnderRotationTranslationAndScale(
            @ForAll("trajectories") Trajectory trajectory, @ForAll @IntRange(min = -10, max = 9) int exponent,
            @ForAll @IntRange(min = 0, max = 4095) int mantissa, @ForAll long seed) {
        int s = trajectory.stride();
        double smallest = Double.POSITIVE_INFINITY;
        boolean equalRowsWindow = false;
        for (int t = s; t < trajectory.z().rows(); t += s) {
            double total = RankSamples.sum(RankSamples.centredSingularValues(trajectory.z().rowRange(0, t + 1)));
            if (total == 0) equalRowsWindow = true;
            else smallest = Math.min(smallest, total);
        }
        double lift = smallest < 0x1p10 ? Math.scalb(1.0, 20 - Math.getExponent(smallest)) : 1;
        HiddenStates z = EffectiveRankProperties.scaled(trajectory.z(), lift);
        RankOptions options = trajectory.options();
        RankDynamics r = ResponseRank.measure(z, options);
        Random random = new Random(seed);
        double tolerance = 1e-8 * (1 + Math.abs(r.erv()) + Math.abs(r.era()));

        double[] translated = z.data().clone();
        double scale = EffectiveRankProperties.maxAbs(z);
        double[] b = new double[z.cols()];
        for (int j = 0; j < b.length; j++) b[j] = (float) (scale * 20 * (random.nextDouble() - 0.5));
        for (int i = 0; i < translated.length; i++) translated[i] += b[i % z.cols()];
        assertSameDynamics(ResponseRank.measure(new HiddenStates(z.rows(), z.cols(), translated), options), r, tolerance, "Z + 1bᵀ");
        double c = Math.scalb(1 + mantissa / 4096.0, exponent);
        assertSameDynamics(ResponseRank.measure(EffectiveRankProperties.scaled(z, c), options), r, tolerance, "c·Z");
        if (!equalRowsWindow) {
            HiddenStates rotated = RankSamples.times(z, RankSamples.orthogonal(z.cols(), seed));
            assertSameDynamics(ResponseRank.measure(rotated, options), r, tolerance, "Z·Q");
        }
        Statistics.label("measured").collect(r.eraMeasured() ? "ERV and ERA" : r.ervMeasured() ? "ERV only" : "neither");
        EffectiveRankProperties.collectKind(trajectory.sample());
        EffectiveRankProperties.requireEveryKind();
        Statistics.label("measured").coverage(cov -> cov.check("ERV and ERA").percentage(p -> p >= 30));
    }

    /**
     * P11 (equal ERV, different ER), by construction. Row 0 is the origin; segment j (the s rows ending window j)
     * holds pairs ±a·e_i: in segment 1 directions 1..k with 2a² = 1; in segment j ≥ 2 the k+j−2 old directions
     * with 2a² = 1 and one new direction with 2a² = j; zero rows pad each segment. Every window is centred
     * (mean 0) with Gram j·I on k+j−1 directions, so E_j = k+j−1: the ER sequence of trajectory k is that of
     * trajectory k' shifted by k − k', every v_j = j/2 is the same, and ERV = (K+2)/4, ERA = 1/2 for every k,
     * while the final ER = k+K−1 differs. Each trajectory is then shuffled inside its segments, rotated, scaled
     * and translated independently.
     */
    @Property(tries = 100)
    void equalVelocityAllowsDifferentEffectiveRank(@ForAll @IntRange(min = 1, max = 4) int k1, @ForAll @IntRange(min = 1, max = 4) int k2,
                                                   @ForAll @IntRange(min = 3, max = 4) int windowsK, @ForAll @IntRange(min = 0, max = 2) int padding,
                                                   @ForAll @DoubleRange(min = 0.5, max = 100) double scale, @ForAll long seed) {
        if (k1 == k2) k2 = k1 % 4 + 1;
        int s = 2 * (Math.max(k1, k2) + windowsK - 1) + padding;
        int d = Math.max(k1, k2) + windowsK - 1 + padding;
        Random random = new Random(seed);
        RankOptions options = new RankOptions(s, 512, Truncation.TAIL);
        RankDynamics r1 = ResponseRank.measure(offsetTrajectory(k1, windowsK, s, d, scale, random), options);
        RankDynamics r2 = ResponseRank.measure(offsetTrajectory(k2, windowsK, s, d, scale, random), options);

        assertThat(r1.eraMeasured()).isTrue();
        assertThat(r1.erv()).as("ERV of k = %d", k1).isCloseTo((windowsK + 2) / 4.0, within(1e-6));
        assertThat(r2.erv()).as("ERV of k = %d", k2).isCloseTo(r1.erv(), within(1e-6));
        assertThat(r2.era()).as("ERA").isCloseTo(r1.era(), within(1e-6)).isCloseTo(0.5, within(1e-6));
        assertThat(r1.er()).isCloseTo(k1 + windowsK - 1, within(1e-6));
        assertThat(Math.abs(r1.er() - r2.er())).as("|ΔER|").isGreaterThanOrEqualTo(Math.abs(k1 - k2) - 1e-6);
    }

    /** P12: ERA = (v_K − v_2)/(K − 2) for K ≥ 3 windows (the a_j telescope); ERA is 0 and unmeasured below. */
    @Property(tries = 200)
    void accelerationTelescopesToTheLastMinusTheFirstVelocity(@ForAll("trajectories") Trajectory trajectory) {
        RankDynamics r = ResponseRank.measure(trajectory.z(), trajectory.options(), WindowSeries.KEEP);
        List<WindowPoint> windows = r.windows();
        int windowsK = windows.size();
        Statistics.label("windows").collect(windowsK >= 3 ? "K ≥ 3" : "K < 3");
        if (windowsK >= 3) {
            double vK = windows.get(windowsK - 1).velocity().orElseThrow(), v2 = windows.get(1).velocity().orElseThrow();
            double scale = 1 + Math.abs(vK) + Math.abs(v2);
            assertThat(r.era()).isCloseTo((vK - v2) / (windowsK - 2), within(1e-12 * scale * windowsK));
            assertThat(r.eraMeasured()).isTrue();
        } else {
            assertThat(r.era()).isEqualTo(0.0);
            assertThat(r.eraMeasured()).isFalse();
        }
        Statistics.label("windows").coverage(c -> {
            c.check("K ≥ 3").percentage(p -> p >= 30);
            c.check("K < 3").percentage(p -> p >= 10);
        });
    }

    /**
     * P13: with T' rows after truncation (T' = min(T, M), or T for NONE) there are ⌊(T'−1)/s⌋ windows; ERV is
     * measured iff T' ≥ 2s+1 and ERA iff T' ≥ 3s+1, and an unmeasured value is exactly 0. T &lt; 2 gives ER = 0.
     */
    @Property(tries = 300)
    void shortResponsesHaveUnmeasuredZeroVelocityAndAcceleration(
            @ForAll @IntRange(min = 0, max = 60) int rowsT, @ForAll @IntRange(min = 1, max = 8) int d,
            @ForAll @IntRange(min = 1, max = 25) int s, @ForAll @IntRange(min = 1, max = 60) int maxLen,
            @ForAll Truncation truncation, @ForAll long seed) {
        Random random = new Random(seed);
        double[] data = new double[rowsT * d];
        for (int i = 0; i < data.length; i++) data[i] = random.nextGaussian();
        RankDynamics r = ResponseRank.measure(new HiddenStates(rowsT, d, data), new RankOptions(s, maxLen, truncation), WindowSeries.KEEP);
        int kept = truncation == Truncation.NONE ? rowsT : Math.min(rowsT, maxLen);          // T'

        assertThat(r.windows()).hasSize(kept >= 1 ? (kept - 1) / s : 0);
        assertThat(r.ervMeasured()).isEqualTo(kept >= 2 * s + 1);
        assertThat(r.eraMeasured()).isEqualTo(kept >= 3 * s + 1);
        if (!r.ervMeasured()) assertThat(r.erv()).isEqualTo(0.0);
        if (!r.eraMeasured()) assertThat(r.era()).isEqualTo(0.0);
        if (rowsT < 2) assertThat(r.er()).isEqualTo(0.0);
        Statistics.label("length").collect(rowsT < 2 ? "T < 2" : kept < 2 * s + 1 ? "T' < 2s+1"
                : kept < 3 * s + 1 ? "2s+1 ≤ T' < 3s+1" : "T' ≥ 3s+1");
        Statistics.label("length").coverage(c -> {
            for (String label : new String[]{"T < 2", "T' < 2s+1", "2s+1 ≤ T' < 3s+1", "T' ≥ 3s+1"})
                c.check(label).percentage(p -> p >= 3);
        });
    }

    /** The P11 construction for a given k (see {@link #equalVelocityAllowsDifferentEffectiveRank}). */
    static HiddenStates offsetTrajectory(int k, int windowsK, int s, int d, double scale, Random random) {
        double[][] z = new double[windowsK * s + 1][d];                         // row 0: the origin
        for (int j = 1; j <= windowsK; j++) {
            double[][] segment = new double[s][d];
            int row = 0;
            int directions = k + j - 1;                                         // active after window j
            for (int i = 0; i < directions; i++) {
                boolean isNew = j >= 2 && i == directions - 1;
                double a = Math.sqrt((isNew ? j : 1) / 2.0);                  // 2a² = weight added in segment j
                segment[row++][i] = a;                                          // ±a·e_i
                segment[row++][i] = -a;
            }
            int[] perm = RankSamples.shuffled(s, random);
            for (int r = 0; r < s; r++) z[(j - 1) * s + 1 + r] = segment[perm[r]];
        }
        double[][] q = RankSamples.orthogonal(d, random.nextLong());
        double[] b = new double[d];
        for (int i = 0; i < d; i++) b[i] = 10 * random.nextGaussian();
        HiddenStates rotated = RankSamples.times(HiddenStates.of(z), q);
        double[] out = rotated.data();
        for (int i = 0; i < out.length; i++) out[i] = scale * out[i] + b[i % d];
        return new HiddenStates(rotated.rows(), d, out);
    }

    private static void assertSameDynamics(RankDynamics actual, RankDynamics expected, double tolerance, String what) {
        assertThat(actual.erv()).as("ERV of " + what).isCloseTo(expected.erv(), within(tolerance));
        assertThat(actual.era()).as("ERA of " + what).isCloseTo(expected.era(), within(tolerance));
        assertThat(actual.ervMeasured()).isEqualTo(expected.ervMeasured());
    }

    /** {π(0..t_j)} = {0..t_j} for every window end t_j = j·s &lt; T (π is a permutation, so max π ≤ t_j suffices). */
    static boolean keepsEveryWindow(int[] perm, int s) {
        int max = 0;
        for (int t = 0; t < perm.length; t++) {
            max = Math.max(max, perm[t]);
            if (t > 0 && t % s == 0 && max > t) return false;
        }
        return true;
    }

    /** A permutation that only moves rows within [0, s], (s, 2s], …, (Ks, T−1]. */
    static int[] shuffledWithinSegments(int rowsT, int s, Random random) {
        int[] perm = new int[rowsT];
        for (int start = 0; start < rowsT; ) {
            int end = start == 0 ? Math.min(rowsT, s + 1) : Math.min(rowsT, start + s);
            int[] local = RankSamples.shuffled(end - start, random);
            for (int i = 0; i < local.length; i++) perm[start + i] = start + local[i];
            start = end;
        }
        return perm;
    }
}
