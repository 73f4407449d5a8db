package org.verl4j.rank;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/**
 * The mergeable summary of ALGORITHM.md §4's distributed route. Oracles: the two-pass scatter written out naively
 * (mean first, then Σ(z−μ)(z−μ)ᵀ) for the Welford/Chan arithmetic, and {@link SvdRank} (EJML's SVD of the
 * explicitly centred rows) for the spectrum.
 */
class CentredScatterTest {

    private static final double EPS = 0x1p-52;

    /** N rows of d columns: a common offset (large against the spread) plus seeded Gaussians of unequal scales. */
    static double[][] rows(Random random, int n, int d, double offset) {
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) z[i][j] = offset + (j + 1) * random.nextGaussian();
        return z;
    }

    @Test
    void chanMergesOfRandomSplitsEqualTheScatterOfTheWhole() {
        long seed = 20261203L;
        Random random = new Random(seed);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + random.nextInt(200), d = 1 + random.nextInt(9);
            double[][] z = rows(random, n, d, 1000 * random.nextGaussian());
            CentredScatter merged = CentredScatter.about(z[0]);
            int start = 0;
            while (start < n) {                                           // pieces of random length
                int end = Math.min(n, start + 1 + random.nextInt(1 + n / 3));
                if (random.nextInt(4) == 0) {
                    for (int i = start; i < end; i++) merged.add(z[i]);   // rows added one by one
                } else {
                    CentredScatter piece = CentredScatter.about(z[0]);
                    for (int i = start; i < end; i++) piece.add(z[i]);
                    merged.merge(piece);                                  // Chan
                }
                if (random.nextInt(4) == 0) merged.merge(CentredScatter.about(z[0]));   // an empty piece
                start = end;
            }
            double[] mu = new double[d];
            for (double[] row : z) for (int j = 0; j < d; j++) mu[j] += row[j] / n;
            double trace = 0;
            double[][] m2 = new double[d][d];
            for (double[] row : z)
                for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) m2[i][j] += (row[i] - mu[i]) * (row[j] - mu[j]);
            for (int i = 0; i < d; i++) trace += m2[i][i];
            // Both sides sum n terms with |δ_i δ_j| ≤ (δ_i² + δ_j²)/2, so each is within ≈ n·eps·trace of the exact
            // value (the oracle's running mean subtracts offsets of 1e3 against a spread of ~1: that adds
            // n·eps·|offset|·|δ| per term, covered by the |offset| factor).
            String at = "seed " + seed + ", trial " + trial + ", n " + n + ", d " + d;
            double tol = 4 * n * EPS * (trace + 1000 * Math.sqrt(trace) * Math.sqrt(n));
            assertThat(merged.rows()).as(at).isEqualTo(n);
            for (int i = 0; i < d; i++) {
                double largest = 0;                                       // a mean of n values is within n·eps·max|z|
                for (double[] row : z) largest = Math.max(largest, Math.abs(row[i]));
                assertThat(merged.mean()[i]).as(at + ", μ_" + i).isCloseTo(mu[i], offset(4 * n * EPS * largest));
                for (int j = 0; j < d; j++)
                    assertThat(Math.abs(merged.scatter(i, j) - m2[i][j])).as(at + ", M2_" + i + j).isLessThanOrEqualTo(tol);
            }
        }
    }

    @Test
    void singularValuesAgreeWithTheSvdOfTheCentredRows() {
        long seed = 77L;
        Random random = new Random(seed);
        for (int trial = 0; trial < 10; trial++) {
            int d = 2 + random.nextInt(12), n = d + 2 + random.nextInt(60);
            double[][] z = rows(random, n, d, 50 * random.nextGaussian());
            CentredScatter s = CentredScatter.about(z[0]);
            for (double[] row : z) s.add(row);
            Optional<double[]> sigma = s.singularValues();
            String at = "seed " + seed + ", trial " + trial + ", n " + n + ", d " + d;
            assertThat(sigma).as(at).isPresent();
            double expected = SvdRank.er(HiddenStates.of(z));
            double actual = EffectiveRank.fromSingularValues(sigma.get());
            assertThat(Math.abs(actual - expected) / expected).as(at).isLessThanOrEqualTo(erTolerance(n, d));
        }
    }

    /**
     * Givens QR is backward stable: σ(R) are the singular values of the centred rows perturbed by at most about
     * (n + d)·ε·σ_max each, and so is the SVD oracle; each such shift moves ER's entropy by at most its share of Σσ,
     * so ER agrees to d·(n + d)·ε relative — times 10 for the constants left out.
     */
    private static double erTolerance(int n, int d) {
        return 10.0 * d * (n + d) * EPS;
    }

    @Test
    void rankDeficientAndTinyRowsAreMeasuredWithoutTheirRows() {
        Random random = new Random(5);
        double[][] few = rows(random, 6, 8, 0);                           // 6 rows ≤ d+1: zero singular values
        double[][] flat = new double[40][6];                              // rank 2 in 6 columns
        for (double[] row : flat) {
            double a = random.nextGaussian(), b = random.nextGaussian();
            for (int j = 0; j < 6; j++) row[j] = a * (j + 1) + b * (j % 2);
        }
        double[][] repeated = new double[30][5];                          // 3 distinct rows, each 10 times
        double[][] distinct = rows(random, 3, 5, 2);
        for (int i = 0; i < repeated.length; i++) repeated[i] = distinct[i % 3].clone();
        double[][] tiny = rows(random, 40, 3, 0);                         // squares below double's range
        for (double[] row : tiny) for (int j = 0; j < 3; j++) row[j] *= 1e-130;
        for (double[][] z : new double[][][]{few, flat, repeated, tiny}) {
            String at = z.length + "×" + z[0].length + " rows, seed 5";
            double expected = SvdRank.er(HiddenStates.of(z));
            double actual = EffectiveRank.fromSingularValues(summary(z).singularValues().orElseThrow());
            assertThat(Math.abs(actual - expected) / expected).as(at).isLessThanOrEqualTo(erTolerance(z.length, z[0].length));
        }
    }

    @Test
    void rowsBeyondDoublesRangeAreRefused() {
        double[][] huge = {{1e308, 0}, {-1e308, 1}, {0, 2}};               // x = z − z_1 overflows to −∞
        assertThat(summary(huge).singularValues()).isEmpty();
    }

    @Test
    void equalRowsHaveZeroSpectrumAndErOne() {
        double[][] same = new double[5][3];
        for (double[] row : same) row[0] = row[1] = row[2] = 7.25;
        double[] sigma = summary(same).singularValues().orElseThrow();
        assertThat(sigma).containsOnly(0.0);
        assertThat(EffectiveRank.fromSingularValues(sigma)).isEqualTo(1.0);
    }

    @Test
    void misuseIsNamed() {
        CentredScatter a = CentredScatter.about(new double[]{0, 0}), b = CentredScatter.about(new double[]{1, 0});
        assertThatThrownBy(() -> a.merge(b)).hasMessageContaining("different origins");
        assertThatThrownBy(() -> a.add(new double[3])).hasMessageContaining("3 columns");
        a.add(new double[2]);
        assertThatThrownBy(a::singularValues).hasMessageContaining("at least two rows");
    }

    @Test
    void fromWindowsRunsTheSameProcedureAsOfPooled() {
        Random random = new Random(11);
        double[][] z = rows(random, 31, 4, 0);
        HiddenStates zg = HiddenStates.of(z);
        int s = 3, k = 30 / s;
        double[] e = new double[k];
        for (int j = 1; j <= k; j++) e[j - 1] = SvdRank.er(zg.rowRange(0, j * s + 1));   // E_j by the definition
        double[] sigma = SvdRank.singularValues(zg, 0, 31);
        DatasetRank expected = DatasetRank.ofPooled(zg, s, WindowSeries.KEEP);
        DatasetRank actual = DatasetRank.fromWindows(31, s, sigma, e, WindowSeries.KEEP);
        // ofPooled runs the fast path, ≤ 1e-10 relative per ER against the SVD (FastPathTest); differences of
        // ERs (v, a, ERV, ERA) are off by at most a few times that, relative to the ERs (~4 here).
        double tol = 1e-9;
        assertThat(actual.globalEr()).isCloseTo(expected.globalEr(), offset(tol));
        assertThat(actual.logGlobalEr()).isCloseTo(expected.logGlobalEr(), offset(tol));
        assertThat(actual.velocity()).isCloseTo(expected.velocity(), offset(tol));
        assertThat(actual.acceleration()).isCloseTo(expected.acceleration(), offset(tol));
        assertThat(actual.velocityMeasured()).isTrue();
        assertThat(actual.accelerationMeasured()).isTrue();
        assertThat(actual.windows()).hasSize(k);
        for (int j = 0; j < k; j++) {
            assertThat(actual.windows().get(j).end()).isEqualTo(expected.windows().get(j).end());
            assertThat(actual.windows().get(j).er()).isCloseTo(expected.windows().get(j).er(), offset(tol));
        }
        assertThatThrownBy(() -> DatasetRank.fromWindows(31, s, sigma, new double[3], WindowSeries.DROP))
                .hasMessageContaining("have 10 windows, got 3");
    }

    private static CentredScatter summary(double[][] z) {
        CentredScatter s = CentredScatter.about(z[0]);
        for (double[] row : z) s.add(row);
        return s;
    }
}
