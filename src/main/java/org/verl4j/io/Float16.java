package org.verl4j.io;

/**
 * IEEE 754 binary16 ("half", NumPy {@code float16}, safetensors {@code F16}) ⇄ float32, exactly.
 *
 * <pre>
 * bits = s eeeee mmmmmmmmmm
 * e = 0      : (−1)^s · m · 2^−24                  (zero and subnormals)
 * 0 &lt; e &lt; 31 : (−1)^s · (1 + m/1024) · 2^(e−15)
 * e = 31     : ±Inf (m = 0), NaN (m ≠ 0)
 * </pre>
 * Every half is exactly a float; float → half rounds to nearest, ties to even, overflowing to ±Inf at 65520.
 */
public final class Float16 {

    private Float16() {
    }

    /** The float32 value of the half with bits {@code h} (exact). */
    public static float toFloat(short h) {
        int sign = (h & 0x8000) << 16;
        int e = (h >>> 10) & 0x1f;
        int m = h & 0x3ff;
        if (e == 0) return Math.copySign(m * 0x1p-24f, sign == 0 ? 1f : -1f);        // m · 2^−24
        if (e == 31) return Float.intBitsToFloat(sign | 0x7f800000 | (m << 13));      // Inf / NaN (payload kept)
        return Float.intBitsToFloat(sign | ((e - 15 + 127) << 23) | (m << 13));       // re-biased exponent
    }

    /** The half nearest to {@code f} (ties to even); NaN stays NaN, |f| ≥ 65520 becomes ±Inf. */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7fffffff;
        if (abs > 0x7f800000) return (short) (sign | 0x7e00 | ((abs >>> 13) & 0x3ff));  // NaN, quiet
        if (abs >= 0x477ff000) return (short) (sign | 0x7c00);                       // ≥ 65520 (or Inf) → Inf
        if (abs < 0x38800000) {                                                       // < 2^−14: subnormal half
            int units = (int) Math.rint(Float.intBitsToFloat(abs) * 0x1p24f);         // exact scaling, ties even
            return (short) (sign | units);                                            // 1024 units = min normal
        }
        int e = (abs >>> 23) - 127 + 15;
        int m = abs & 0x7fffff;
        int h = (e << 10) | (m >>> 13);
        int rest = m & 0x1fff;                                                        // the 13 dropped bits
        if (rest > 0x1000 || (rest == 0x1000 && (h & 1) == 1)) h++;                   // carry may bump e: right
        return (short) (sign | h);
    }
}
