package org.verl4j.graph;

import java.util.List;

import static org.verl4j.graph.ElementType.INT64;

/**
 * Emits the indexing ops into one graph, for {@link GraphBuilder}'s {@code gather}, {@code gatherElements},
 * {@code scatterElements} and {@code scatterND}:
 * <pre>
 * Gather           out[i…, j…, k…] = data[i…, indices[j…], k…]        along axis
 * GatherElements   out[…, i, …]    = data[…, indices[…, i, …], …]     along axis, shaped like indices
 * ScatterElements  data with updates written (or combined) at indices along axis
 * ScatterND        data with slices updates written (or combined) at the index tuples
 * </pre>
 */
final class IndexOps {

    private final GraphBuilder g;

    IndexOps(GraphBuilder g) {
        this.g = g;
    }

    Value gather(Value data, Value indices, long axis) {
        INT64.require(indices, "gather indices");
        int a = data.shape().axis(axis);
        return g.op(OpType.GATHER, List.of(data, indices), data.type(), ShapeRules.gather(data.shape(), indices.shape(), a),
                new Attribute.Int("axis", a));
    }

    Value gatherElements(Value data, Value indices, long axis) {
        INT64.require(indices, "gatherElements indices");
        int a = data.shape().axis(axis);
        return g.op(OpType.GATHER_ELEMENTS, List.of(data, indices), data.type(), indices.shape(), new Attribute.Int("axis", a));
    }

    /** {@code reduction}: none, add, mul, max or min. */
    Value scatterElements(Value data, Value indices, Value updates, long axis, String reduction) {
        int a = data.shape().axis(axis);
        return g.op(OpType.SCATTER_ELEMENTS, List.of(data, indices, updates), data.type(), data.shape(),
                new Attribute.Int("axis", a), new Attribute.Str("reduction", reduction));
    }

    Value scatterND(Value data, Value indices, Value updates, String reduction) {
        return g.op(OpType.SCATTER_ND, List.of(data, indices, updates), data.type(), data.shape(),
                new Attribute.Str("reduction", reduction));
    }
}
