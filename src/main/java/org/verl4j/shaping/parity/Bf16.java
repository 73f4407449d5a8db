package org.verl4j.shaping.parity;

/**
 * bfloat16 rounding: the upper 16 bits of a float32, rounded to nearest, ties to even (PyTorch's conversion).
 * Values are carried as float/double holding a bf16-representable number.
 */
public final class Bf16 {

    private Bf16() {
    }

    /** The bf16 value nearest to x (ties to even); NaN stays NaN, ±0 and ±∞ are kept. */
    public static float round(float x) {
        if (Float.isNaN(x)) return x;
        int bits = Float.floatToRawIntBits(x);
        int lsb = (bits >>> 16) & 1;
        bits = (bits + 0x7FFF + lsb) & 0xFFFF0000;
        return Float.intBitsToFloat(bits);
    }

    /** A double (a Python scalar) to bf16 the way PyTorch does it: double → float32 → bf16. */
    public static float round(double x) {
        return round((float) x);
    }
}
