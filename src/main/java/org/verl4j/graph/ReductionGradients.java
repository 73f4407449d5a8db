package org.verl4j.graph;

import static org.verl4j.graph.Broadcast.expandTo;

/**
 * Gradients of ReduceSum, ReduceMean and ReduceMax (axes as a constant input, as {@link ReductionOps} emits them): the
 * output gradient gets its reduced axes back (Unsqueeze when {@code keepdims = 0}) and is broadcast to x's shape.
 */
final class ReductionGradients {

    private ReductionGradients() {
    }

    static void register(GradientRules rules) {
        // forward: y = Σ_axes x, so dx = dy broadcast back over the axes
        rules.define(OpType.REDUCE_SUM, (g, n, dy, need) -> new Value[]{expandTo(g, kept(g, n, dy), n.input(0)), null});
        // forward: y = (1/N) Σ_axes x with N = |x| / |y| elements per output, so dx = dy / N broadcast back
        rules.define(OpType.REDUCE_MEAN, (g, n, dy, need) -> {
            Value x = n.input(0);
            Value count = g.cast(g.div(g.size(x), g.size(n.output())), dy.type());   // N
            return new Value[]{expandTo(g, g.div(kept(g, n, dy), count), x), null};
        });
        // forward: y = max_axes x, so dx = dy at the maxima, split evenly among ties (PyTorch's amax convention)
        rules.define(OpType.REDUCE_MAX, (g, n, dy, need) -> {
            Value x = n.input(0);
            long[] axes = axes(n);
            Value yKept = n.intAttribute("keepdims", 1) == 1 ? n.output() : g.unsqueeze(n.output(), axes);
            Value isMax = g.cast(g.equal(x, yKept), x.type());                        // 1 where x = max
            Value ties = g.reduceSum(isMax, true, axes);                              // number of maxima
            return new Value[]{g.mul(isMax, g.div(kept(g, n, dy), ties)), null};
        });
    }

    /** dy with the reduced axes present (size 1). */
    private static Value kept(GraphBuilder g, Node n, Value dy) {
        return n.intAttribute("keepdims", 1) == 1 ? dy : g.unsqueeze(dy, axes(n));
    }

    private static long[] axes(Node n) {
        if (n.inputs().size() < 2 || n.input(1).constant() == null)
            throw new IllegalArgumentException("gradient of " + n.opType().onnxName() + " " + n.name() + " needs constant axes");
        return n.input(1).constant().longs();
    }
}
