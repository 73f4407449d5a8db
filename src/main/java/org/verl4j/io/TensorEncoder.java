package org.verl4j.io;

import java.nio.ByteBuffer;

/** Encodes one element of a {@link NamedTensor} into a little-endian buffer in the tensor's dtype. */
final class TensorEncoder {

    private TensorEncoder() {
    }

    static void put(NamedTensor t, int i, ByteBuffer b) {
        NamedTensor.Values values = t.values();
        if (values instanceof NamedTensor.Floats f) putFloating(t.dtype(), f.data()[i], f.data()[i], b);
        else if (values instanceof NamedTensor.Doubles d) putFloating(t.dtype(), (float) d.data()[i], d.data()[i], b);
        else putInteger(t, ((NamedTensor.Longs) values).data()[i], i, b);
    }

    /**
     * {@code asFloat} is {@code value} rounded to float32 (ties to even), used by the 16- and 32-bit types. A double
     * bound for F16/BF16 is thus rounded twice (to float32, then to 16 bits); the result can differ from a single
     * rounding only when the first rounding lands exactly on a 16-bit tie, which needs a value within 2⁻²⁴ relative
     * of that tie. Values given as floats are rounded once.
     */
    private static void putFloating(DType dtype, float asFloat, double value, ByteBuffer b) {
        switch (dtype) {
            case F64 -> b.putDouble(value);
            case F32 -> b.putFloat(asFloat);
            case F16 -> b.putShort(Float16.fromFloat(asFloat));
            case BF16 -> b.putShort(BFloat16.fromFloat(asFloat));
            default -> throw new IllegalStateException(dtype + " is not floating");
        }
    }

    private static void putInteger(NamedTensor t, long v, int i, ByteBuffer b) {
        DType dtype = t.dtype();
        long min, max;
        switch (dtype) {
            case I64 -> { b.putLong(v); return; }
            case I32 -> { min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
            case I16 -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
            case I8 -> { min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; }
            case U8 -> { min = 0; max = 255; }
            case BOOL -> { min = 0; max = 1; }
            default -> throw new IllegalStateException(dtype + " is not an integer dtype");
        }
        if (v < min || v > max)
            throw new IllegalArgumentException("tensor \"" + t.name() + "\": value " + v + " at element " + i
                    + " does not fit " + dtype);
        switch (dtype) {
            case I32 -> b.putInt((int) v);
            case I16 -> b.putShort((short) v);
            default -> b.put((byte) v);
        }
    }
}
