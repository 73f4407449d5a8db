package org.verl4j.graph;

/**
 * One dimension of a {@link Shape}: a fixed size ({@code size ≥ 0}), a symbol ({@code "batch"}, {@code "seq"}) or
 * unknown (neither). Symbols are written to the ONNX {@code dim_param}; equal symbols mean equal sizes.
 */
public record Dim(long size, String symbol) {

    /** A dimension nothing is known about. */
    public static final Dim UNKNOWN = new Dim(-1, null);

    public Dim {
        if (size < -1) throw new IllegalArgumentException("dimension size must be ≥ 0, got " + size);
        if (size >= 0 && symbol != null) throw new IllegalArgumentException("dimension is fixed or symbolic, not both");
    }

    public static Dim of(long size) {
        if (size < 0) throw new IllegalArgumentException("fixed dimension must be ≥ 0, got " + size);
        return new Dim(size, null);
    }

    public static Dim of(String symbol) {
        if (symbol == null || symbol.isEmpty()) throw new IllegalArgumentException("dimension symbol must be non-empty");
        return new Dim(-1, symbol);
    }

    public boolean isFixed() {
        return size >= 0;
    }

    public boolean isSymbolic() {
        return symbol != null;
    }

    /** True when this dimension is known to have size 1. */
    public boolean isOne() {
        return size == 1;
    }

    @Override
    public String toString() {
        return isFixed() ? Long.toString(size) : isSymbolic() ? symbol : "?";
    }
}
