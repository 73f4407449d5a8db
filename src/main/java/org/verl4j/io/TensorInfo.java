package org.verl4j.io;

import java.util.Arrays;

/**
 * One tensor's entry in a safetensors header.
 *
 * @param name  the tensor's name
 * @param dtype its element type
 * @param shape its dimensions (row-major, C order); empty for a scalar
 * @param begin first byte, relative to the start of the data section (the header's {@code data_offsets[0]})
 * @param end   one past the last byte, relative to the data section ({@code data_offsets[1]})
 */
public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {

    public TensorInfo {
        shape = shape.clone();
    }

    /** A copy of the shape. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Dimension {@code i}. */
    public long dim(int i) {
        return shape[i];
    }

    /** ∏ shape (1 for a scalar), or −1 when the product overflows a long. */
    public long elementCount() {
        return elementCount(shape);
    }

    /** Bytes the tensor occupies, {@code end − begin}. */
    public long byteLength() {
        return end - begin;
    }

    static long elementCount(long[] shape) {
        long n = 1;
        for (long s : shape) {
            if (s < 0) return -1;
            try {
                n = Math.multiplyExact(n, s);
            } catch (ArithmeticException overflow) {
                return -1;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && begin == t.begin && end == t.end;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape) + " @[" + begin + ", " + end + ")";
    }
}
