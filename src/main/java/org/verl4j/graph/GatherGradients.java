package org.verl4j.graph;

import static org.verl4j.graph.ElementType.INT64;

/**
 * Gradients of Gather and GatherElements: the output gradient is scattered back with {@code reduction = "add"},
 * so an index picked several times (a token appearing twice) accumulates. Negative indices are normalised first.
 */
final class GatherGradients {

    private GatherGradients() {
    }

    static void register(GradientRules rules) {
        rules.define(OpType.GATHER, GatherGradients::gather);
        // forward: y[…i…] = x[…idx[…i…]…] along axis, so dx = ScatterElements(0, idx, dy, axis, add)
        rules.define(OpType.GATHER_ELEMENTS, (g, n, dy, need) -> {
            Value x = n.input(0);
            int axis = (int) n.intAttribute("axis", 0);
            Value idx = normalise(g, n.input(1), g.gather(g.shape(x), g.longs(axis), 0));
            return new Value[]{g.scatterElements(g.zerosLike(x), idx, dy, axis, "add"), null};
        });
    }

    /**
     * forward: y[p…, i…, q…] = x[p…, idx[i…], q…] along axis a, so dx = Σ of dy into the rows idx picked. With x's
     * axis a moved to the front this is ScatterND(0, idx[…, None], dyᵀ, add), dyᵀ having the index axes in front.
     */
    private static Value[] gather(GraphBuilder g, Node n, Value dy, boolean[] need) {
        Value x = n.input(0);
        int a = (int) n.intAttribute("axis", 0), r = x.rank(), q = n.input(1).rank();
        Value idx = g.unsqueeze(normalise(g, n.input(1), g.gather(g.shape(x), g.longs(a), 0)), -1);
        if (a == 0) return new Value[]{g.scatterND(g.zerosLike(x), idx, dy, "add"), null};
        int[] xPerm = new int[r];                       // x with axis a first: [a, 0…a−1, a+1…]
        xPerm[0] = a;
        for (int i = 0, j = 1; i < r; i++) if (i != a) xPerm[j++] = i;
        int[] dyPerm = new int[r - 1 + q];              // dy with the index axes first: [a…a+q−1, 0…a−1, a+q…]
        int j = 0;
        for (int i = a; i < a + q; i++) dyPerm[j++] = i;
        for (int i = 0; i < a; i++) dyPerm[j++] = i;
        for (int i = a + q; i < r - 1 + q; i++) dyPerm[j++] = i;
        Value zerosT = g.constantOfShape(g.gather(g.shape(x), g.longs(ShapeRules.asLongs(xPerm)), 0),
                new TensorData(x.type(), new long[]{1}, new byte[x.type().bytes]));
        Value dxT = g.scatterND(zerosT, idx, g.transpose(dy, dyPerm), "add");
        int[] inverse = new int[r];
        for (int i = 0; i < r; i++) inverse[xPerm[i]] = i;
        Value dx = g.shapes.transpose(dxT, x.shape(), inverse);                       // x's axes back in place
        return new Value[]{dx, null};
    }

    /** idx < 0 ? idx + d : idx. */
    private static Value normalise(GraphBuilder g, Value idx, Value d) {
        Value zero = g.scalar(0, INT64);
        return g.where(g.less(idx, zero), g.add(idx, d), idx);
    }
}
