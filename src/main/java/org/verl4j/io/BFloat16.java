package org.verl4j.io;

/**
 * bfloat16 (safetensors {@code BF16}) ⇄ float32: the upper 16 bits of a float32 (1 sign, 8 exponent, 7 mantissa).
 * bf16 → float is exact; float → bf16 rounds to nearest, ties to even (as PyTorch does); NaN stays NaN.
 */
public final class BFloat16 {

    private BFloat16() {
    }

    /** The float32 value of the bfloat16 with bits {@code b} (exact). */
    public static float toFloat(short b) {
        return Float.intBitsToFloat((b & 0xffff) << 16);
    }

    /** The bfloat16 nearest to {@code f}, ties to even. */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) return (short) ((bits >>> 16) | 0x0040);          // quiet NaN, sign kept
        int rounding = 0x7fff + ((bits >>> 16) & 1);                           // ties → even upper half
        return (short) ((bits + rounding) >>> 16);
    }
}
