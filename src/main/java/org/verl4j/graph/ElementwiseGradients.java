package org.verl4j.graph;

import static org.verl4j.graph.Broadcast.reduceTo;

/**
 * Gradients of the elementwise ops. Binary ops broadcast, so each input's gradient is summed back to its shape
 * ({@link Broadcast#reduceTo}). Conventions at kinks follow PyTorch: Relu'(0) = 0, |x|'(0) = 0, Clip passes the
 * gradient where {@code lo ≤ x ≤ hi} (inclusive), Min/Max split a tie half and half.
 */
final class ElementwiseGradients {

    private ElementwiseGradients() {
    }

    static void register(GradientRules rules) {
        // forward: y = a + b, so da = dy, db = dy (each summed to its shape)
        rules.define(OpType.ADD, (g, n, dy, need) -> pair(g, n, dy, dy, need));
        // forward: y = a − b, so da = dy, db = −dy
        rules.define(OpType.SUB, (g, n, dy, need) -> pair(g, n, dy, need[1] ? g.neg(dy) : null, need));
        // forward: y = a·b, so da = dy·b, db = dy·a
        rules.define(OpType.MUL, (g, n, dy, need) -> pair(g, n,
                need[0] ? g.mul(dy, n.input(1)) : null, need[1] ? g.mul(dy, n.input(0)) : null, need));
        // forward: y = a / b, so da = dy / b, db = −dy·y / b
        rules.define(OpType.DIV, (g, n, dy, need) -> pair(g, n,
                need[0] ? g.div(dy, n.input(1)) : null,
                need[1] ? g.neg(g.div(g.mul(dy, n.output()), n.input(1))) : null, need));
        // forward: y = a^b, so da = dy·b·a^(b−1), db = dy·y·ln a
        rules.define(OpType.POW, (g, n, dy, need) -> {
            Value a = n.input(0), b = n.input(1);
            Value da = need[0] ? g.mul(dy, g.mul(b, g.pow(a, g.sub(b, g.scalarLike(b, 1))))) : null;
            Value db = need[1] ? g.mul(dy, g.mul(n.output(), g.log(a))) : null;
            return pair(g, n, da, db, need);
        });
        // forward: y = −x, so dx = −dy
        rules.define(OpType.NEG, (g, n, dy, need) -> one(g.neg(dy)));
        // forward: y = x, so dx = dy
        rules.define(OpType.IDENTITY, (g, n, dy, need) -> one(dy));
        // forward: y = √x, so dx = dy / (2y)
        rules.define(OpType.SQRT, (g, n, dy, need) -> one(g.div(dy, g.mul(g.scalarLike(dy, 2), n.output()))));
        // forward: y = eˣ, so dx = dy·y
        rules.define(OpType.EXP, (g, n, dy, need) -> one(g.mul(dy, n.output())));
        // forward: y = ln x, so dx = dy / x
        rules.define(OpType.LOG, (g, n, dy, need) -> one(g.div(dy, n.input(0))));
        // forward: y = 1/x, so dx = −dy·y²
        rules.define(OpType.RECIPROCAL, (g, n, dy, need) -> one(g.neg(g.mul(dy, g.mul(n.output(), n.output())))));
        // forward: y = tanh x, so dx = dy·(1 − y²)
        rules.define(OpType.TANH, (g, n, dy, need) ->
                one(g.mul(dy, g.sub(g.scalarLike(dy, 1), g.mul(n.output(), n.output())))));
        // forward: y = σ(x), so dx = dy·y·(1 − y)
        rules.define(OpType.SIGMOID, (g, n, dy, need) ->
                one(g.mul(dy, g.mul(n.output(), g.sub(g.scalarLike(dy, 1), n.output())))));
        // forward: y = erf x, so dx = dy·(2/√π)·e^(−x²)
        rules.define(OpType.ERF, (g, n, dy, need) -> {
            Value x = n.input(0);
            return one(g.mul(dy, g.mul(g.scalarLike(dy, 2 / Math.sqrt(Math.PI)), g.exp(g.neg(g.mul(x, x))))));
        });
        // forward: y = cos x, so dx = −dy·sin x
        rules.define(OpType.COS, (g, n, dy, need) -> one(g.neg(g.mul(dy, g.sin(n.input(0))))));
        // forward: y = sin x, so dx = dy·cos x
        rules.define(OpType.SIN, (g, n, dy, need) -> one(g.mul(dy, g.cos(n.input(0)))));
        // forward: y = |x|, so dx = dy·sign x
        rules.define(OpType.ABS, (g, n, dy, need) -> one(g.mul(dy, g.sign(n.input(0)))));
        // forward: y = max(x, 0), so dx = dy where x > 0
        rules.define(OpType.RELU, (g, n, dy, need) ->
                one(g.where(g.greater(n.input(0), g.scalarLike(dy, 0)), dy, g.scalarLike(dy, 0))));
        // forward: y = cast(x), so dx = cast(dy) back to x's type (floating x only)
        rules.define(OpType.CAST, (g, n, dy, need) -> n.input(0).type().isFloating() ? one(g.cast(dy, n.input(0).type())) : new Value[1]);
        rules.define(OpType.MAX, (g, n, dy, need) -> minMax(g, n, dy, need, true));
        rules.define(OpType.MIN, (g, n, dy, need) -> minMax(g, n, dy, need, false));
        rules.define(OpType.CLIP, ElementwiseGradients::clip);
        rules.define(OpType.WHERE, ElementwiseGradients::where);
    }

    /**
     * forward: y = max(a, b) (or min), so da = dy where a wins, db = dy where b wins, and a tie (a = b) gives
     * each dy/2 (PyTorch's convention; the two halves add up to dy wherever both are the same function).
     */
    private static Value[] minMax(GraphBuilder g, Node n, Value dy, boolean[] need, boolean isMax) {
        Value a = n.input(0), b = n.input(1);
        Value zero = g.scalarLike(dy, 0);
        Value half = g.mul(dy, g.scalarLike(dy, 0.5));
        Value tie = g.equal(a, b);
        Value aWins = isMax ? g.greater(a, b) : g.less(a, b);
        Value bWins = isMax ? g.less(a, b) : g.greater(a, b);
        Value da = need[0] ? g.where(aWins, dy, g.where(tie, half, zero)) : null;
        Value db = need[1] ? g.where(bWins, dy, g.where(tie, half, zero)) : null;
        return pair(g, n, da, db, need);
    }

    /** forward: y = min(max(x, lo), hi), so dx = dy where lo ≤ x ≤ hi; dlo = Σ dy where x < lo; dhi = Σ dy where x > hi. */
    private static Value[] clip(GraphBuilder g, Node n, Value dy, boolean[] need) {
        Value x = n.input(0), lo = n.input(1), hi = n.input(2);
        Value zero = g.scalarLike(dy, 0);
        Value[] out = new Value[3];
        if (need[0]) out[0] = g.where(g.and(g.greaterOrEqual(x, lo), g.lessOrEqual(x, hi)), dy, zero);
        if (need[1]) out[1] = g.reduceSumAll(g.where(g.less(x, lo), dy, zero));
        if (need[2]) out[2] = g.reduceSumAll(g.where(g.greater(x, hi), dy, zero));
        return out;
    }

    /** forward: y = c ? a : b, so da = (c ? dy : 0), db = (c ? 0 : dy), each summed to its shape. */
    private static Value[] where(GraphBuilder g, Node n, Value dy, boolean[] need) {
        Value c = n.input(0), zero = g.scalarLike(dy, 0);
        Value[] out = new Value[3];
        if (need[1]) out[1] = reduceTo(g, g.where(c, dy, zero), n.input(1));
        if (need[2]) out[2] = reduceTo(g, g.where(c, zero, dy), n.input(2));
        return out;
    }

    private static Value[] pair(GraphBuilder g, Node n, Value da, Value db, boolean[] need) {
        return new Value[]{need[0] && da != null ? reduceTo(g, da, n.input(0)) : null,
                need[1] && db != null ? reduceTo(g, db, n.input(1)) : null};
    }

    private static Value[] one(Value dx) {
        return new Value[]{dx};
    }
}
