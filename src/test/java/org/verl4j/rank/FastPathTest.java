package org.verl4j.rank;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path (Helmert rows, smaller-side Gram/scatter, tridiagonal QL, noise floor, exact fallback) against
 * the naive full-SVD oracle {@link SvdOracle} on every case of {@link FastPathCases}: ER, every window's ER, ERV
 * and ERA agree to {@link #TOLERANCE} relative (ERV and ERA, which are differences of ERs, relative to the
 * larger of themselves and the windows' mean ER).
 */
class FastPathTest {

    static final double TOLERANCE = 1e-11;             // observed worst: 4e-13

    static List<FastPathCases.Case> cases() {
        return FastPathCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fastPathAgreesWithTheFullSvdOracle(FastPathCases.Case c) {
        SvdOracle.Result expected = SvdOracle.measure(c.z(), c.options());
        RankDynamics actual = RankDynamics.measure(c.z(), c.options(), true);

        assertThat(relative(actual.er(), expected.er(), expected.er())).as("ER").isLessThanOrEqualTo(TOLERANCE);
        assertThat(EffectiveRank.of(c.z())).as("EffectiveRank.of").isEqualTo(actual.er());
        assertThat(actual.windows()).hasSize(expected.windowEr().length);
        double meanEr = 0;
        for (int j = 0; j < expected.windowEr().length; j++) {
            double e = expected.windowEr()[j];
            meanEr += e / expected.windowEr().length;
            assertThat(relative(actual.windows().get(j).er(), e, e)).as("E_%d", j + 1).isLessThanOrEqualTo(TOLERANCE);
        }
        assertThat(relative(actual.erv(), expected.erv(), meanEr)).as("ERV").isLessThanOrEqualTo(TOLERANCE);
        assertThat(relative(actual.era(), expected.era(), meanEr)).as("ERA").isLessThanOrEqualTo(TOLERANCE);
        assertThat(actual.ervMeasured()).isEqualTo(expected.ervMeasured());
        assertThat(actual.eraMeasured()).isEqualTo(expected.eraMeasured());
    }

    @Test
    void hiddenStateLikeWindowsNeverNeedTheExactFallback() {
        // Windows with nearly as many rows as columns (m ≈ d) have σ_min ≈ 0 and may go exact; these shapes keep
        // every window's m at least 20% away from d.
        long before = PrefixSpectra.EXACT_FALLBACKS.sum();
        RankDynamics.measure(FastPathCases.hiddenStateLike(200, 100, 31), new RankOptions(40, 512, Truncation.TAIL));
        RankDynamics.measure(FastPathCases.hiddenStateLike(120, 256, 32), new RankOptions(20, 512, Truncation.TAIL));
        assertThat(PrefixSpectra.EXACT_FALLBACKS.sum() - before).isZero();
    }

    @Test
    void rankDeficientFloat32WindowsAreHandedToTheExactSvd() {
        // rank 5 rounded to float32: singular values at 1e-8·σ_max that the squared route cannot resolve
        long before = PrefixSpectra.EXACT_FALLBACKS.sum();
        HiddenStates z = FastPathCases.float32(FastPathCases.lowRank(40, 30, 5, 1, 33));
        double er = EffectiveRank.of(z);
        assertThat(PrefixSpectra.EXACT_FALLBACKS.sum() - before).isPositive();
        assertThat(relative(er, SvdOracle.er(z, 0, z.rows()), 1)).isLessThanOrEqualTo(TOLERANCE);
    }

    /** |a − b| / max(|b|, |scale|), 0 when both are exactly equal. */
    static double relative(double a, double b, double scale) {
        if (a == b) return 0;
        return Math.abs(a - b) / Math.max(Math.abs(b), Math.abs(scale));
    }
}
