package org.verl4j.rank.fast;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verl4j.rank.ResponseRank;
import org.verl4j.rank.EffectiveRank;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankDynamics;
import org.verl4j.rank.RankOptions;
import org.verl4j.rank.SpectrumMethod;
import org.verl4j.rank.SvdRank;
import org.verl4j.rank.Truncation;
import org.verl4j.rank.WindowSeries;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path (Helmert rows, smaller-side Gram/scatter, tridiagonal QL, noise floor, exact fallback) against
 * the definition, {@link SvdRank} (EJML's SVD of every explicitly centred window), on every case of
 * {@link FastPathCases}: ER, every window's ER, ERV and ERA agree to {@link #TOLERANCE} relative (ERV and ERA,
 * which are differences of ERs, relative to the larger of themselves and the windows' mean ER). Each window's
 * ER is also checked against {@code SvdRank.er} of the window cut out by hand, so the window bounds are not
 * taken on trust from the loop both methods share.
 */
class FastPathTest {

    static final double TOLERANCE = 1e-10;             // observed worst: 1.3e-11 (float32 near-square window)

    /** Every case on every fast method this JVM can run (FAST_VECTOR only with the incubator module). */
    static List<Arguments> cases() {
        List<Arguments> arguments = new ArrayList<>();
        for (SpectrumMethod method : List.of(SpectrumMethod.FAST_SCALAR, SpectrumMethod.FAST_VECTOR)) {
            if (!method.available()) continue;
            for (FastPathCases.Case c : FastPathCases.all()) arguments.add(Arguments.of(c, method));
        }
        return arguments;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void fastPathAgreesWithTheDefinition(FastPathCases.Case c, SpectrumMethod method) {
        RankOptions options = c.options().withMethod(method);
        RankDynamics expected = SvdRank.measure(c.z(), c.options(), WindowSeries.KEEP);
        RankDynamics actual = ResponseRank.measure(c.z(), options, WindowSeries.KEEP);

        assertThat(relative(actual.er(), expected.er(), expected.er())).as("ER").isLessThanOrEqualTo(TOLERANCE);
        assertThat(relative(ResponseRank.er(c.z(), method), expected.er(), expected.er())).as("EffectiveRank.of")
                .isLessThanOrEqualTo(TOLERANCE);
        assertThat(actual.traditionalRank()).as("traditional rank").isEqualTo(expected.traditionalRank());
        assertThat(actual.windows()).hasSize(expected.windows().size());
        int from = c.options().truncation() == Truncation.TAIL ? Math.max(0, c.z().rows() - c.options().maxLen()) : 0;
        double meanEr = 0;
        for (int j = 0; j < expected.windows().size(); j++) {
            double e = expected.windows().get(j).er();
            meanEr += e / expected.windows().size();
            double byHand = SvdRank.er(c.z().rowRange(from, from + (j + 1) * c.options().stride() + 1));
            assertThat(e).as("E_%d by hand", j + 1).isEqualTo(byHand);
            assertThat(relative(actual.windows().get(j).er(), e, e)).as("E_%d", j + 1).isLessThanOrEqualTo(TOLERANCE);
        }
        assertThat(relative(actual.erv(), expected.erv(), meanEr)).as("ERV").isLessThanOrEqualTo(TOLERANCE);
        assertThat(relative(actual.era(), expected.era(), meanEr)).as("ERA").isLessThanOrEqualTo(TOLERANCE);
        assertThat(actual.ervMeasured()).isEqualTo(expected.ervMeasured());
        assertThat(actual.eraMeasured()).isEqualTo(expected.eraMeasured());
        assertThat(expected.exactFallbacks()).as("the definition has no fallback").isZero();
    }

    @Test
    void hiddenStateLikeWindowsNeverNeedTheExactFallback() {
        // Windows with nearly as many rows as columns (m ≈ d) have σ_min ≈ 0 and may go exact; these shapes keep
        // every window's m at least 20% away from d.
        RankDynamics a = ResponseRank.measure(FastPathCases.hiddenStateLike(200, 100, 31), new RankOptions(40, 512, Truncation.TAIL));
        RankDynamics b = ResponseRank.measure(FastPathCases.hiddenStateLike(120, 256, 32), new RankOptions(20, 512, Truncation.TAIL));
        assertThat(a.exactFallbacks() + b.exactFallbacks()).isZero();
    }

    @Test
    void rankDeficientFloat32WindowsAreHandedToTheExactRoute() {
        // rank 5 rounded to float32: singular values at 1e-8·σ_max that the squared route cannot resolve
        HiddenStates z = FastPathCases.float32(FastPathCases.lowRank(40, 30, 5, 1, 33));
        RankDynamics r = ResponseRank.measure(z, new RankOptions(8, 512, Truncation.TAIL));
        assertThat(r.exactFallbacks()).isPositive();
        assertThat(relative(r.er(), SvdRank.er(z), 1)).isLessThanOrEqualTo(TOLERANCE);
    }

    /** |a − b| / max(|b|, |scale|), 0 when both are exactly equal. */
    static double relative(double a, double b, double scale) {
        if (a == b) return 0;
        return Math.abs(a - b) / Math.max(Math.abs(b), Math.abs(scale));
    }
}
