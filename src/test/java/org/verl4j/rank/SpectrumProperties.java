package org.verl4j.rank;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.verl4j.rank.RankSamples.Sample;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * ALGORITHM.md §11 P14 (SVD and Gram spectra agree) and the edge value "all-equal rows → ER = 1" of §2, which is where
 * round-off in the centring shows: any residue left in Zc is amplified by ε into spurious ER.
 */
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)   // occurrence is enforced by coverage checks
class SpectrumProperties {

    @Provide
    Arbitrary<Sample> matrices() {
        return RankSamples.matrices(2);
    }

    /** P14: σ_i² are the eigenvalues of ZcᵀZc (d×d) and of ZcZcᵀ (T×T); the larger one's extra eigenvalues are 0. */
    @Property(tries = 200)
    void squaredSingularValuesAreTheEigenvaluesOfBothGramMatrices(@ForAll("matrices") Sample sample) {
        DMatrixRMaj zc = RankSamples.centred(sample.z());
        double[] sigma = RankSamples.centredSingularValues(sample.z());
        double[] covariance = eigenvaluesDescending(gram(zc, true));        // ZcᵀZc
        double[] gram = eigenvaluesDescending(gram(zc, false));             // ZcZcᵀ
        double tolerance = 1e-12 * sigma[0] * sigma[0];
        for (double[] lambda : new double[][]{covariance, gram}) {
            for (int i = 0; i < lambda.length; i++) {
                double expected = i < sigma.length ? sigma[i] * sigma[i] : 0;  // σ_i², then zeros
                assertThat(lambda[i]).as("λ_%d", i).isCloseTo(expected, within(tolerance));
            }
        }
        Statistics.label("shape").collect(sample.z().rows() > sample.z().cols() ? "T > d" : "T ≤ d");
        Statistics.label("shape").coverage(c -> {
            c.check("T > d").percentage(p -> p >= 20);
            c.check("T ≤ d").percentage(p -> p >= 10);
        });
    }

    /**
     * P14 as used by a Gram path: ER from √λ of the smaller Gram matrix, eigenvalues below the round-off floor
     * λ_max·n·2⁻⁵² set to 0, equals the SVD-based ER. Without the floor, each of the n − rank round-off eigenvalues
     * (~1e-16·λ_max) would add a spurious σ ≈ 1e-8·σ_max: the float64 shadow of the authors' float32 bug.
     */
    @Property(tries = 200)
    void effectiveRankFromTheSmallerGramWithARoundOffFloorIsTheSvdEffectiveRank(@ForAll("matrices") Sample sample) {
        DMatrixRMaj zc = RankSamples.centred(sample.z());
        double[] lambda = eigenvaluesDescending(gram(zc, zc.numCols <= zc.numRows));
        double floor = lambda[0] * lambda.length * 0x1p-52;
        double[] sigma = new double[lambda.length];
        for (int i = 0; i < lambda.length; i++) sigma[i] = lambda[i] > floor ? Math.sqrt(lambda[i]) : 0;
        double er = ResponseRank.er(sample.z());
        EffectiveRankProperties.collectKind(sample);
        assertThat(EffectiveRank.fromSingularValues(sigma)).isCloseTo(er, within(1e-8 * er));
        EffectiveRankProperties.requireEveryKind();
    }

    /** §2 edge value on float32 rows (what a model emits): the mean is exact, Zc = 0, ER = 1, rank 0, ERV = 0. */
    @Property(tries = 100)
    void allEqualFloat32RowsHaveEffectiveRankOneAndRankZero(@ForAll @IntRange(min = 2, max = 60) int rows,
                                                           @ForAll @IntRange(min = 1, max = 24) int cols, @ForAll long seed) {
        HiddenStates z = equalRows(rows, cols, seed, true);
        RankDynamics r = ResponseRank.measure(z, new RankOptions(1 + rows / 8, 512, Truncation.TAIL), WindowSeries.KEEP);
        assertThat(r.er()).isEqualTo(1.0);
        assertThat(r.logEr()).isEqualTo(0.0);
        assertThat(r.traditionalRank()).isZero();
        for (WindowPoint w : r.windows()) assertThat(w.er()).as("E at t = %d", w.end()).isEqualTo(1.0);
        assertThat(r.erv()).isEqualTo(0.0);
    }

    /**
     * §2 edge value on arbitrary doubles (entries from 1e-6 to 1e6). A centring that rounds the mean of T equal
     * doubles leaves residues ~1e-16·|z| that ε turns into ER &gt; 1 and rank 1; the fast path subtracts row 0
     * before forming its Helmert rows, so equal rows give an exactly zero matrix.
     */
    @Property(tries = 100)
    void allEqualRowsOfArbitraryDoublesHaveEffectiveRankOneAndRankZero(@ForAll @IntRange(min = 2, max = 60) int rows,
                                                                      @ForAll @IntRange(min = 1, max = 24) int cols, @ForAll long seed) {
        RankDynamics r = ResponseRank.measure(equalRows(rows, cols, seed, false), RankOptions.DEFAULTS);
        assertThat(r.er()).isCloseTo(1.0, within(1e-12));
        assertThat(r.traditionalRank()).isZero();
    }

    static HiddenStates equalRows(int rows, int cols, long seed, boolean float32) {
        Random random = new Random(seed);
        double[] row = new double[cols];
        for (int j = 0; j < cols; j++) {
            double v = random.nextGaussian() * Math.pow(10, random.nextInt(13) - 6);
            row[j] = float32 ? (float) v : v;
        }
        double[] data = new double[rows * cols];
        for (int t = 0; t < rows; t++) System.arraycopy(row, 0, data, t * cols, cols);
        return new HiddenStates(rows, cols, data);
    }

    /** ZcᵀZc when {@code columns}, else ZcZcᵀ. */
    static DMatrixRMaj gram(DMatrixRMaj zc, boolean columns) {
        int n = columns ? zc.numCols : zc.numRows;
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        if (columns) CommonOps_DDRM.multTransA(zc, zc, g);
        else CommonOps_DDRM.multTransB(zc, zc, g);
        return g;
    }

    static double[] eigenvaluesDescending(DMatrixRMaj symmetric) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(symmetric.numRows, false, true);
        if (!eig.decompose(symmetric.copy())) throw new IllegalStateException("symmetric eigen failed");
        double[] lambda = new double[symmetric.numRows];
        for (int i = 0; i < lambda.length; i++) lambda[i] = eig.getEigenvalue(i).real;
        Arrays.sort(lambda);
        for (int i = 0; i < lambda.length / 2; i++) {
            double tmp = lambda[i];
            lambda[i] = lambda[lambda.length - 1 - i];
            lambda[lambda.length - 1 - i] = tmp;
        }
        return lambda;
    }
}
