package org.verl4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The shape of a graph value: its rank is always known, each {@link Dim} may be fixed, symbolic or unknown. */
public record Shape(List<Dim> dims) {

    public Shape {
        dims = List.copyOf(dims);
    }

    /** A shape from fixed sizes (Integer/Long), symbols (String) or {@link Dim}s: {@code Shape.of("batch", 16)}. */
    public static Shape of(Object... dims) {
        List<Dim> out = new ArrayList<>(dims.length);
        for (Object d : dims) {
            if (d instanceof Dim dim) out.add(dim);
            else if (d instanceof Number n) out.add(Dim.of(n.longValue()));
            else if (d instanceof String s) out.add(Dim.of(s));
            else throw new IllegalArgumentException("shape entry must be a number, a symbol or a Dim, got " + d);
        }
        return new Shape(out);
    }

    /** A fully fixed shape. */
    public static Shape fixed(long... sizes) {
        List<Dim> out = new ArrayList<>(sizes.length);
        for (long s : sizes) out.add(Dim.of(s));
        return new Shape(out);
    }

    /** A shape of the given rank with every dimension unknown. */
    public static Shape unknown(int rank) {
        return new Shape(java.util.Collections.nCopies(rank, Dim.UNKNOWN));
    }

    public static final Shape SCALAR = new Shape(List.of());

    public int rank() {
        return dims.size();
    }

    public Dim dim(int axis) {
        return dims.get(axis);
    }

    public boolean isFullyFixed() {
        return dims.stream().allMatch(Dim::isFixed);
    }

    /** The fixed sizes; throws when a dimension is not fixed. */
    public long[] sizes() {
        long[] out = new long[rank()];
        for (int i = 0; i < out.length; i++) {
            if (!dims.get(i).isFixed()) throw new IllegalStateException("shape " + this + " is not fully fixed");
            out[i] = dims.get(i).size();
        }
        return out;
    }

    /** Product of the fixed sizes (1 for a scalar); throws when a dimension is not fixed. */
    public long elementCount() {
        return Arrays.stream(sizes()).reduce(1, (a, b) -> a * b);
    }

    /** An axis in {@code [-rank, rank)} as a non-negative index. */
    public int axis(long axis) {
        return normalizeAxis(axis, rank());
    }

    static int normalizeAxis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw new IllegalArgumentException("axis " + axis + " out of range for rank " + rank);
        return (int) a;
    }

    @Override
    public String toString() {
        return dims.toString();
    }
}
