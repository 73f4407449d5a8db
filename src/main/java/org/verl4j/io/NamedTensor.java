package org.verl4j.io;

import java.util.Arrays;

/**
 * A tensor to be written: its name, the element type it is stored as, its shape (row-major) and its values.
 * Values are held in the widest Java type of their kind and converted on write: floats or doubles to
 * F64/F32/F16/BF16 (rounding to nearest, ties to even), longs to the integer dtypes (range-checked).
 *
 * @param name   tensor name (unique within a file)
 * @param dtype  stored element type
 * @param shape  dimensions, each ≥ 0; ∏shape must equal the number of values
 * @param values the values, row-major
 */
public record NamedTensor(String name, DType dtype, long[] shape, Values values) {

    /** The values of a tensor, one Java array kind each. */
    public sealed interface Values permits Floats, Doubles, Longs {
        int length();
    }

    /** float32 values (for F32/F16/BF16/F64). */
    public record Floats(float[] data) implements Values {
        public int length() { return data.length; }
    }

    /** float64 values (for F64/F32/F16/BF16). */
    public record Doubles(double[] data) implements Values {
        public int length() { return data.length; }
    }

    /** integer values (for I64/I32/I16/I8/U8/BOOL). */
    public record Longs(long[] data) implements Values {
        public int length() { return data.length; }
    }

    public NamedTensor {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("tensor name must not be empty");
        if (dtype == null) throw new IllegalArgumentException("tensor \"" + name + "\": dtype must not be null");
        shape = shape.clone();
        long count = TensorInfo.elementCount(shape);
        if (count != values.length())
            throw new IllegalArgumentException("tensor \"" + name + "\": shape " + Arrays.toString(shape) + " has "
                    + count + " elements, " + values.length() + " values given");
        if ((values instanceof Longs) == dtype.isFloating())
            throw new IllegalArgumentException("tensor \"" + name + "\": " + values.getClass().getSimpleName()
                    + " values cannot be stored as " + dtype);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public static NamedTensor ofFloats(String name, DType dtype, long[] shape, float[] data) {
        return new NamedTensor(name, dtype, shape, new Floats(data));
    }

    public static NamedTensor ofDoubles(String name, DType dtype, long[] shape, double[] data) {
        return new NamedTensor(name, dtype, shape, new Doubles(data));
    }

    public static NamedTensor ofLongs(String name, DType dtype, long[] shape, long[] data) {
        return new NamedTensor(name, dtype, shape, new Longs(data));
    }

    /** Bytes of the stored tensor. */
    public long byteLength() {
        return (long) values.length() * dtype.bytes();
    }
}
