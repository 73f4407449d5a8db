package org.verl4j.graph;

import java.util.ArrayList;
import java.util.List;

import static org.verl4j.graph.Broadcast.reduceTo;
import static org.verl4j.graph.Broadcast.withShapeOf;
import static org.verl4j.graph.ElementType.INT64;

/** Gradients of the ops that move elements without arithmetic: reshape-likes, Transpose, Expand, Slice, Concat, Trilu. */
final class ShapeGradients {

    private ShapeGradients() {
    }

    static void register(GradientRules rules) {
        // forward: y = reshape(x) (also Unsqueeze, Squeeze), so dx = reshape(dy) to x's shape
        GradientRule reshape = (g, n, dy, need) -> first(withShapeOf(g, dy, n.input(0)), n);
        rules.define(OpType.RESHAPE, reshape);
        rules.define(OpType.UNSQUEEZE, reshape);
        rules.define(OpType.SQUEEZE, reshape);
        // forward: y = transpose(x, perm), so dx = transpose(dy, perm⁻¹)
        rules.define(OpType.TRANSPOSE, (g, n, dy, need) -> {
            long[] perm = n.intsAttribute("perm").orElseThrow();
            int[] inverse = new int[perm.length];
            for (int i = 0; i < perm.length; i++) inverse[(int) perm[i]] = i;
            return new Value[]{g.transpose(dy, inverse)};
        });
        // forward: y = expand(x, shape), so dx = Σ of dy over the broadcast axes
        rules.define(OpType.EXPAND, (g, n, dy, need) -> first(reduceTo(g, dy, n.input(0)), n));
        // forward: y = trilu(x, k) keeps one triangle, so dx = trilu(dy, k): the same triangle
        rules.define(OpType.TRILU, (g, n, dy, need) -> first(g.shapes.trilu(dy, n.intAttribute("upper", 1) == 1, n.input(1)), n));
        rules.define(OpType.SLICE, ShapeGradients::slice);
        rules.define(OpType.CONCAT, ShapeGradients::concat);
    }

    /**
     * forward: y = x[s:e] along the constant axes (step 1), so dx = dy padded with zeros: {@code s'} before and
     * {@code d − e'} after on each sliced axis, where s', e' are s, e normalised (negative + d, clamped to [0, d],
     * e' ≥ s') at run time.
     */
    private static Value[] slice(GraphBuilder g, Node n, Value dy, boolean[] need) {
        if (n.inputs().size() > 4) throw new IllegalArgumentException("gradient of Slice " + n.name() + " supports step 1 only");
        Value x = n.input(0), starts = n.input(1), ends = n.input(2), axesValue = n.input(3);
        if (axesValue.constant() == null) throw new IllegalArgumentException("gradient of Slice " + n.name() + " needs constant axes");
        long[] axes = axesValue.constant().longs();
        int rank = x.rank();
        Value d = g.gather(g.shape(x), g.longs(axes), 0);                          // d per sliced axis
        Value zero = g.scalar(0, INT64);
        Value s = clampIndex(g, starts, d, zero);                                  // s'
        Value e = g.max(clampIndex(g, ends, d, zero), s);                          // e' ≥ s'
        long[] where = new long[2 * axes.length];
        for (int i = 0; i < axes.length; i++) {
            where[i] = axes[i];                                                    // pads[axis]        = s'
            where[axes.length + i] = axes[i] + rank;                               // pads[axis + rank] = d − e'
        }
        Value pads = g.scatterElements(g.constantOfShape(g.longs(2L * rank), TensorData.ofLongs(new long[]{1}, 0)),
                g.longs(where), g.concat(0, s, g.sub(d, e)), 0, "none");
        return first(g.pad(dy, pads, x.shape()), n);
    }

    /** index < 0 ? index + d : index, clamped to [0, d]. */
    private static Value clampIndex(GraphBuilder g, Value index, Value d, Value zero) {
        Value shifted = g.where(g.less(index, zero), g.add(index, d), index);
        return g.max(g.min(shifted, d), zero);
    }

    /** forward: y = concat(x₁ … x_k) along axis, so dx_i = the i-th piece of dy split at the sizes of the x_i. */
    private static Value[] concat(GraphBuilder g, Node n, Value dy, boolean[] need) {
        int axis = (int) n.intAttribute("axis", 0);
        List<Value> sizes = new ArrayList<>();
        for (Value x : n.inputs()) sizes.add(g.gather(g.shape(x), g.longs(axis), 0));
        Value split = g.concat(0, sizes.toArray(Value[]::new));
        List<Value> pieces = g.shapes.split(dy, axis, split, n.inputs().stream().map(Value::shape).toList());
        return pieces.toArray(Value[]::new);
    }

    private static Value[] first(Value dx, Node n) {
        Value[] out = new Value[n.inputs().size()];
        out[0] = dx;
        return out;
    }
}
