package org.verl4j.graph;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A constant tensor: element type, fixed dimensions and its elements as little-endian bytes, exactly as the ONNX
 * {@code TensorProto.raw_data} field stores them (the format mandates little-endian whatever the host order).
 */
public record TensorData(ElementType type, long[] dims, byte[] raw) {

    public TensorData {
        long n = 1;
        for (long d : dims) {
            if (d < 0) throw new IllegalArgumentException("tensor dimension must be ≥ 0, got " + d);
            n *= d;
        }
        if (raw.length != n * type.bytes)
            throw new IllegalArgumentException("tensor of " + n + " " + type + " elements needs " + n * type.bytes
                    + " bytes, got " + raw.length);
        dims = dims.clone();
    }

    public static TensorData ofDoubles(long[] dims, double... values) {
        ByteBuffer b = little(values.length * 8);
        for (double v : values) b.putDouble(v);
        return new TensorData(ElementType.DOUBLE, dims, b.array());
    }

    public static TensorData ofFloats(long[] dims, float... values) {
        ByteBuffer b = little(values.length * 4);
        for (float v : values) b.putFloat(v);
        return new TensorData(ElementType.FLOAT, dims, b.array());
    }

    public static TensorData ofLongs(long[] dims, long... values) {
        ByteBuffer b = little(values.length * 8);
        for (long v : values) b.putLong(v);
        return new TensorData(ElementType.INT64, dims, b.array());
    }

    public static TensorData ofBooleans(long[] dims, boolean... values) {
        byte[] raw = new byte[values.length];
        for (int i = 0; i < values.length; i++) raw[i] = (byte) (values[i] ? 1 : 0);
        return new TensorData(ElementType.BOOL, dims, raw);
    }

    /** Scalar of a floating type holding {@code value} (rounded to float for FLOAT). */
    public static TensorData scalar(ElementType type, double value) {
        return switch (type) {
            case DOUBLE -> ofDoubles(new long[0], value);
            case FLOAT -> ofFloats(new long[0], (float) value);
            case INT64 -> ofLongs(new long[0], (long) value);
            case BOOL -> ofBooleans(new long[0], value != 0);
        };
    }

    /** Element count. */
    public long size() {
        long n = 1;
        for (long d : dims) n *= d;
        return n;
    }

    /** The elements as longs (INT64 only): used to read constant shapes and axes at build time. */
    public long[] longs() {
        if (type != ElementType.INT64) throw new IllegalStateException("tensor is " + type + ", not INT64");
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long[] out = new long[(int) size()];
        for (int i = 0; i < out.length; i++) out[i] = b.getLong();
        return out;
    }

    private static ByteBuffer little(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
