package org.verl4j.rank.fast;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.simd.Kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The non-squaring fallback (Householder bidiagonalisation + Golub–Kahan tridiagonal QL) against EJML's full
 * SVD of the same Helmert rows, σ by σ: absolute agreement to a small multiple of eps·σ_max on wide, tall,
 * square, near-square and rank-deficient (float32-rounded) windows, on every kernel flavour; directly and from
 * the leading blocks of one shared LQ factor ({@link LowerFactor}).
 */
class CentredSpectrumTest {

    static List<Arguments> cases() {
        List<Arguments> arguments = new ArrayList<>();
        for (Kernels kernels : KernelsContractTest.available()) {
            arguments.add(Arguments.of("gaussian 1×1", FastPathCases.gaussian(2, 1, 1, 40), kernels));
            arguments.add(Arguments.of("gaussian 2×5", FastPathCases.gaussian(3, 5, 1, 41), kernels));
            arguments.add(Arguments.of("gaussian wide", FastPathCases.gaussian(31, 57, 1, 42), kernels));
            arguments.add(Arguments.of("gaussian tall", FastPathCases.gaussian(80, 23, 1, 43), kernels));
            arguments.add(Arguments.of("gaussian square", FastPathCases.gaussian(61, 60, 1, 44), kernels));
            arguments.add(Arguments.of("gaussian d+1", FastPathCases.gaussian(62, 60, 1, 45), kernels));
            arguments.add(Arguments.of("rank 5 float32", FastPathCases.float32(FastPathCases.lowRank(50, 40, 5, 1, 46)), kernels));
            arguments.add(Arguments.of("rank 7 tall float32", FastPathCases.float32(FastPathCases.lowRank(90, 30, 7, 1, 47)), kernels));
            arguments.add(Arguments.of("constant", FastPathCases.constantRows(20, 9), kernels));
            arguments.add(Arguments.of("duplicated", FastPathCases.duplicatedRows(30, 40, 48), kernels));
            arguments.add(Arguments.of("scale 1e-12", FastPathCases.gaussian(20, 30, 1e-12, 49), kernels));
            arguments.add(Arguments.of("rank 2, exact quarters", quarters(23, 21, 51), kernels));
            arguments.add(Arguments.of("hidden-state-like square", FastPathCases.hiddenStateLike(101, 100, 50), kernels));
        }
        return arguments;
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("cases")
    void bidiagonalRouteAgreesWithTheFullSvd(String name, HiddenStates z, Kernels kernels) {
        double[] y = HelmertRows.of(z.data(), z.cols(), 0, z.rows());
        int m = z.rows() - 1, d = z.cols();
        double[] expected = CentredSpectrum.bySvd(y, m, d);
        double[] actual = CentredSpectrum.singularValues(y.clone(), m, d, kernels);
        Arrays.sort(expected);
        Arrays.sort(actual);
        assertThat(actual).hasSize(expected.length);
        double max = expected.length == 0 ? 0 : expected[expected.length - 1];
        double worst = 0;
        for (int i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        assertThat(worst).as("max |Δσ| vs σ_max %s", max).isLessThanOrEqualTo(1e-13 * Math.max(max, Double.MIN_NORMAL));
    }

    /** Every leading block of one shared LQ factor gives its window's σ (rank-deficient float32 and T &gt; d). */
    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("cases")
    void leadingBlocksOfTheSharedLowerFactorGiveEveryWindowsSingularValues(String name, HiddenStates z,
                                                                          Kernels kernels) {
        double[] y = HelmertRows.of(z.data(), z.cols(), 0, z.rows());
        int rows = z.rows() - 1, d = z.cols();
        double[] factor = LowerFactor.of(y, rows, d, kernels);
        for (int m = 1; m <= rows; m += Math.max(1, rows / 7)) {
            double[] expected = CentredSpectrum.bySvd(y, m, d);
            double[] actual = CentredSpectrum.singularValues(LowerFactor.leadingBlock(factor, m, d), m,
                    Math.min(m, d), kernels);
            Arrays.sort(expected);
            Arrays.sort(actual);
            assertThat(actual).hasSize(expected.length);
            double max = expected[expected.length - 1];
            for (int i = 0; i < expected.length; i++)
                assertThat(Math.abs(actual[i] - expected[i])).as("σ_%d of window %d", i, m)
                        .isLessThanOrEqualTo(1e-13 * max);
        }
    }

    /**
     * Rank 2 plus a column offset, all in exact quarters: the centred σ beyond the second are exactly 0, and
     * the reduction meets tails whose squares underflow (a NaN once, before negligible tails were skipped).
     */
    static HiddenStates quarters(int rows, int cols, long seed) {
        java.util.Random rng = new java.util.Random(seed);
        double[][] basis = new double[2][cols];
        double[] offset = new double[cols];
        for (int j = 0; j < cols; j++) {
            basis[0][j] = rng.nextInt(17) - 8;
            basis[1][j] = rng.nextInt(17) - 8;
            offset[j] = 0.25 * (rng.nextInt(41) - 20);
        }
        double[] x = new double[rows * cols];
        for (int t = 0; t < rows; t++) {
            double c0 = 0.25 * (rng.nextInt(9) - 4), c1 = 0.25 * (rng.nextInt(9) - 4);
            for (int j = 0; j < cols; j++) x[t * cols + j] = c0 * basis[0][j] + c1 * basis[1][j] + offset[j];
        }
        return new HiddenStates(rows, cols, x);
    }
}
