package org.verl4j.graph;

import java.util.Map;

import static org.verl4j.graph.Broadcast.reduceTo;

/** Gradient of the batched matrix product (both operands rank ≥ 2, batch axes broadcasting). */
final class MatMulGradients {

    private MatMulGradients() {
    }

    static void register(Map<String, GradientRule> rules) {
        // forward: y = a·b over the last two axes, so da = dy·bᵀ and db = aᵀ·dy, each summed over the batch axes
        // it was broadcast along
        rules.put("MatMul", (g, n, dy, need) -> {
            Value a = n.input(0), b = n.input(1);
            Value da = need[0] ? reduceTo(g, g.matMul(dy, swapLastTwo(g, b)), a) : null;
            Value db = need[1] ? reduceTo(g, g.matMul(swapLastTwo(g, a), dy), b) : null;
            return new Value[]{da, db};
        });
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
