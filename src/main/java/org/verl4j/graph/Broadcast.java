package org.verl4j.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Undoing broadcasting in gradients: if the forward broadcast {@code x} to the shape of {@code y}, then
 * {@code dx = Σ over the broadcast axes of dy}, reshaped to x's shape. Axes known at build time (leading axes, dims
 * fixed to 1) are reduced statically; a dimension that might or might not be 1 at run time is found in the graph
 * ({@code NonZero(Shape(x) == 1)}) and reduced by a ReduceSum with run-time axes.
 */
final class Broadcast {

    private Broadcast() {
    }

    /** {@code grad} summed down to the shape of {@code x}. */
    static Value reduceTo(GraphBuilder g, Value grad, Value x) {
        Value r = grad;
        int lead = grad.rank() - x.rank();
        if (lead < 0) throw new IllegalArgumentException("gradient " + grad + " has lower rank than " + x);
        if (lead > 0) {
            long[] axes = new long[lead];
            for (int i = 0; i < lead; i++) axes[i] = i;
            r = g.reduceSum(r, false, axes);                              // Σ over the prepended axes
        }
        List<Long> ones = new ArrayList<>();
        boolean dynamic = false;
        for (int i = 0; i < x.rank(); i++) {
            Dim dx = x.shape().dim(i), dg = r.shape().dim(i);
            if ((!dx.equals(Dim.UNKNOWN) && dx.equals(dg)) || (dx.isFixed() && !dx.isOne())) continue;  // same size
            if (dx.isOne()) ones.add((long) i);                           // x had 1, y had more: Σ over it
            else dynamic = true;
        }
        if (dynamic) {
            // Σ over every axis where x has size 1 (harmless where dy has 1 too). A leading axis of size 1 is
            // added and always reduced, so the axes list is never empty (ORT mishandles empty axes on empty tensors).
            Value axes = g.add(g.reshape(g.nonZero(g.equal(g.shape(x), g.longs(1))), -1), g.longs(1));
            r = g.squeeze(g.reduceSumKeep(g.unsqueeze(r, 0), g.concat(0, g.longs(0), axes)), 0);
        } else if (!ones.isEmpty()) {
            r = g.reduceSum(r, true, ones.stream().mapToLong(Long::longValue).toArray());
        }
        return dynamic ? withShapeOf(g, r, x) : r;
    }

    /** {@code v} reshaped to the run-time shape of {@code x}, declared with x's static shape. */
    static Value withShapeOf(GraphBuilder g, Value v, Value x) {
        return g.shapes.reshape(v, g.shape(x), x.shape());
    }

    /** {@code v} broadcast (Expand) to the run-time shape of {@code x}, declared with x's static shape. */
    static Value expandTo(GraphBuilder g, Value v, Value x) {
        return g.shapes.expand(v, g.shape(x), x.shape());
    }
}
