package org.verl4j.graph;

import static org.verl4j.graph.Broadcast.reduceTo;

/** Gradient of the batched matrix product (both operands rank ≥ 2, batch axes broadcasting). */
final class MatMulGradients {

    private MatMulGradients() {
    }

    static void register(GradientRules rules) {
        // forward: y = a·b over the last two axes, so da = dy·bᵀ and db = aᵀ·dy, each summed over the batch axes
        // it was broadcast along
        rules.define(OpType.MAT_MUL, (g, n, dy, need) -> {
            Value a = n.input(0), b = n.input(1);
            Value da = need[0] ? reduceTo(g, g.matMul(dy, swapLastTwo(g, b)), a) : null;
            Value db = need[1] ? (sharedMatrix(a, b, dy) ? flatProduct(g, a, dy) : reduceTo(g, g.matMul(swapLastTwo(g, a), dy), b))
                    : null;
            return new Value[]{da, db};
        });
    }

    /** b is one matrix [k, m] applied to every batch entry of a [… , n, k], with k and m known at build time. */
    private static boolean sharedMatrix(Value a, Value b, Value dy) {
        return b.rank() == 2 && a.rank() > 2 && a.shape().dim(a.rank() - 1).isFixed() && dy.shape().dim(dy.rank() - 1).isFixed();
    }

    /**
     * db = Σ over the batch axes of aᵀ·dy as one product: with the batch and row axes of a and dy flattened,
     * {@code db = a'ᵀ·dy'}, a' [N, k], dy' [N, m] — one GEMM instead of a batched product [… , k, m] summed after.
     */
    private static Value flatProduct(GraphBuilder g, Value a, Value dy) {
        Value aFlat = g.reshape(a, -1, a.shape().dim(a.rank() - 1).size());                // a'  [N, k]
        Value dyFlat = g.reshape(dy, -1, dy.shape().dim(dy.rank() - 1).size());            // dy' [N, m]
        return g.matMul(g.transpose(aFlat, 1, 0), dyFlat);                                 // [k, m]
    }

    /** xᵀ over the last two axes. */
    static Value swapLastTwo(GraphBuilder g, Value x) {
        int r = x.rank();
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) perm[i] = i;
        perm[r - 2] = r - 1;
        perm[r - 1] = r - 2;
        return g.transpose(x, perm);
    }
}
