package org.verl4j.model;

import java.util.Arrays;

/**
 * A parameter tensor a decoder expects: its Hugging Face name and shape (row-major; linear weights are
 * {@code [out, in]} as {@code torch.nn.Linear} stores them).
 */
public record WeightSpec(String name, int[] shape) {

    public WeightSpec {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** ∏ shape. */
    public int size() {
        int n = 1;
        for (int s : shape) n = Math.multiplyExact(n, s);
        return n;
    }

    /** True when {@code other} has this shape. */
    public boolean hasShape(long[] other) {
        if (other.length != shape.length) return false;
        for (int i = 0; i < shape.length; i++) if (other[i] != shape[i]) return false;
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightSpec w && name.equals(w.name) && Arrays.equals(shape, w.shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
