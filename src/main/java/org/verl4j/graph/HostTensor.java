package org.verl4j.graph;

import java.util.Arrays;

/**
 * A tensor in Java memory crossing into or out of {@link OrtRunner}: element type, shape and a flat row-major
 * array ({@code double[]}, {@code float[]}, {@code long[]} or {@code boolean[]} matching the type).
 */
public record HostTensor(ElementType type, long[] shape, Object data) {

    public HostTensor {
        shape = shape.clone();
        long n = 1;
        for (long d : shape) n *= d;
        int length = switch (type) {
            case DOUBLE -> ((double[]) data).length;
            case FLOAT -> ((float[]) data).length;
            case INT64 -> ((long[]) data).length;
            case BOOL -> ((boolean[]) data).length;
        };
        if (length != n) throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " needs " + n
                + " elements, got " + length);
    }

    public static HostTensor ofDoubles(long[] shape, double... data) {
        return new HostTensor(ElementType.DOUBLE, shape, data);
    }

    public static HostTensor ofFloats(long[] shape, float... data) {
        return new HostTensor(ElementType.FLOAT, shape, data);
    }

    public static HostTensor ofLongs(long[] shape, long... data) {
        return new HostTensor(ElementType.INT64, shape, data);
    }

    public static HostTensor ofBooleans(long[] shape, boolean... data) {
        return new HostTensor(ElementType.BOOL, shape, data);
    }

    /** A floating tensor of {@code type} from doubles (rounded for FLOAT). */
    public static HostTensor ofFloating(ElementType type, long[] shape, double... data) {
        if (type == ElementType.DOUBLE) return ofDoubles(shape, data.clone());
        if (type != ElementType.FLOAT) throw new IllegalArgumentException("not a floating type: " + type);
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) data[i];
        return ofFloats(shape, f);
    }

    public static HostTensor scalar(ElementType type, double value) {
        return ofFloating(type, new long[0], value);
    }

    /** The elements widened to double (FLOAT and DOUBLE only). */
    public double[] doubles() {
        if (data instanceof double[] d) return d.clone();
        if (data instanceof float[] f) {
            double[] out = new double[f.length];
            for (int i = 0; i < f.length; i++) out[i] = f[i];
            return out;
        }
        throw new IllegalStateException("tensor is " + type + ", not floating");
    }

    /** The single element of a one-element floating tensor. */
    public double scalar() {
        double[] d = doubles();
        if (d.length != 1) throw new IllegalStateException("tensor of shape " + Arrays.toString(shape) + " is not a scalar");
        return d[0];
    }

    public long[] longs() {
        return ((long[]) data).clone();
    }

    public boolean[] booleans() {
        return ((boolean[]) data).clone();
    }
}
