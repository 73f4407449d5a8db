package org.verl4j.graph;

import java.util.List;

/**
 * Emits the ops that combine elements along axes into one graph, for {@link GraphBuilder}'s {@code matMul},
 * {@code reduceSum}, {@code softmax}, …:
 * <pre>
 * MatMul              y[…, i, j] = Σ_k a[…, i, k]·b[…, k, j]       batch axes broadcast
 * ReduceSum/Mean/Max  y = Σ / mean / max over the axes            axes a constant input (opset 18)
 * Softmax/LogSoftmax  along one axis
 * </pre>
 * Axes may be negative (counted from the end) and are normalised at build time.
 */
final class ReductionOps {

    private final GraphBuilder g;

    ReductionOps(GraphBuilder g) {
        this.g = g;
    }

    /** Batched matrix product {@code a·b} over the last two axes (ranks ≥ 2). */
    Value matMul(Value a, Value b) {
        OpType.MAT_MUL.requireSameType(a, b);
        return g.op(OpType.MAT_MUL, List.of(a, b), a.type(), ShapeRules.matMul(a.shape(), b.shape()));
    }

    /** {@code op} (ReduceSum, ReduceMean, ReduceMax) over constant axes, which must be given. */
    Value reduce(OpType op, Value x, boolean keepdims, long... axes) {
        if (axes.length == 0) throw new IllegalArgumentException(op.onnxName() + " of " + x.name() + " needs explicit axes");
        int[] a = ShapeRules.axes(x.shape(), axes);
        return g.op(op, List.of(x, g.longs(ShapeRules.asLongs(a))), x.type(), ShapeRules.reduce(x.shape(), a, keepdims),
                new Attribute.Int("keepdims", keepdims ? 1 : 0));
    }

    /** Σ over every axis to a scalar ({@code x} itself when it is a scalar already). */
    Value reduceSumAll(Value x) {
        if (x.rank() == 0) return x;
        long[] all = new long[x.rank()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return reduce(OpType.REDUCE_SUM, x, false, all);
    }

    /** ReduceSum over axes computed at run time, kept; empty axes leave x as it is. Output dims unknown. */
    Value reduceSumKeep(Value x, Value axes) {
        return g.op(OpType.REDUCE_SUM, List.of(x, axes), x.type(), Shape.unknown(x.rank()),
                new Attribute.Int("keepdims", 1), new Attribute.Int("noop_with_empty_axes", 1));
    }

    /** {@code op} (Softmax, LogSoftmax) along {@code axis}. */
    Value softmax(OpType op, Value x, long axis) {
        return g.op(op, List.of(x), x.type(), x.shape(), new Attribute.Int("axis", x.shape().axis(axis)));
    }
}
