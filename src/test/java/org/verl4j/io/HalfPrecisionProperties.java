package org.verl4j.io;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Float16 and BFloat16 conversions against independent oracles: the binary16 value formula evaluated in double,
 * and "nearest representable, ties to the even bit pattern" found by searching the ordered bit patterns.
 */
class HalfPrecisionProperties {

    /** (−1)^s · 2^(e−15) · (1 + m/1024), or m · 2^−24 when e = 0: the definition, in double. */
    private static double halfOracle(int h) {
        int s = (h >>> 15) & 1, e = (h >>> 10) & 0x1f, m = h & 0x3ff;
        double sign = s == 1 ? -1 : 1;
        if (e == 0) return sign * m * Math.scalb(1.0, -24);
        if (e == 31) return m == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        return sign * Math.scalb(1.0 + m / 1024.0, e - 15);
    }

    @Test
    void everyHalfDecodesToItsDefinedValueAndEncodesBack() {
        for (int h = 0; h < 0x10000; h++) {
            float f = Float16.toFloat((short) h);
            double oracle = halfOracle(h);
            if (Double.isNaN(oracle)) {
                assertThat(f).isNaN();
                assertThat(Float16.toFloat(Float16.fromFloat(f))).isNaN();
            } else {
                assertThat((double) f).as("half 0x%04x", h).isEqualTo(oracle);
                assertThat(Float16.fromFloat(f) & 0xffff).as("half 0x%04x", h).isEqualTo(h);
            }
        }
    }

    @Property
    boolean floatToHalfIsTheNearestHalfTiesToEven(@ForAll float f) {
        if (Float.isNaN(f)) return Float.isNaN(Float16.toFloat(Float16.fromFloat(f)));
        return (Float16.fromFloat(f) & 0xffff) == nearestHalf(f);
    }

    @Property
    boolean floatToHalfIsNearestInTheHalfRange(@ForAll @FloatRange(min = -70000, max = 70000) float f) {
        return (Float16.fromFloat(f) & 0xffff) == nearestHalf(f);
    }

    @Property
    boolean floatToBfloatIsTheNearestBfloatTiesToEven(@ForAll float f) {
        if (Float.isNaN(f)) return Float.isNaN(BFloat16.toFloat(BFloat16.fromFloat(f)));
        int bits = Float.floatToRawIntBits(f);
        int lower = bits >>> 16, upper = lower + 1;                   // the two candidates around f (same sign)
        double dl = Math.abs(f - (double) BFloat16.toFloat((short) lower));
        float upperValue = BFloat16.toFloat((short) upper);
        double du = Math.abs(f - (Float.isInfinite(upperValue) ? Math.copySign(0x1p128, f) : upperValue)); // IEEE: Inf counts as 2^128
        int expected = dl < du ? lower : du < dl ? upper : ((lower & 1) == 0 ? lower : upper);
        if ((bits & 0xffff) == 0) expected = lower;                     // exactly representable (Inf included)
        return (BFloat16.fromFloat(f) & 0xffff) == (expected & 0xffff);
    }

    /** Nearest finite half by binary search over the ordered non-negative patterns; ≥ 65520 → Inf (IEEE overflow). */
    private static int nearestHalf(float f) {
        double a = Math.abs((double) f);
        int sign = (Float.floatToRawIntBits(f) >>> 16) & 0x8000;
        if (a >= 65520) return sign | 0x7c00;
        int lo = 0, hi = 0x7bff;                                        // largest pattern with value ≤ a
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (halfOracle(mid) <= a) lo = mid; else hi = mid - 1;
        }
        int below = lo, above = Math.min(lo + 1, 0x7c00);
        double db = a - halfOracle(below), da = (above == 0x7c00 ? 65536 : halfOracle(above)) - a;
        int pick = db < da ? below : da < db ? above : ((below & 1) == 0 ? below : above);
        return sign | pick;
    }
}
