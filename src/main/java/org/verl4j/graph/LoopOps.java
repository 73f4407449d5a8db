package org.verl4j.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Emits ONNX Loop into one graph, for {@link GraphBuilder#loop}: the body runs {@code tripCount} times (INT64
 * scalar) while {@code condition} (BOOL scalar) holds.
 * <pre>
 * body inputs   (iteration, condition, carried…)
 * body outputs  (condition, carried…, scanned…)
 * Loop outputs  (final carried…, each scanned output stacked along a new leading axis)
 * </pre>
 */
final class LoopOps {

    private final GraphBuilder g;

    LoopOps(GraphBuilder g) {
        this.g = g;
    }

    List<Value> loop(Value tripCount, Value condition, List<Value> carried, GraphBuilder.Graph body) {
        int nCarried = carried.size(), nScan = body.outputs().size() - 1 - nCarried;
        if (body.inputs().size() != 2 + nCarried || nScan < 0)
            throw new IllegalArgumentException("loop body " + body.name() + " needs 2 + " + nCarried + " inputs and at least "
                    + (1 + nCarried) + " outputs");
        List<Value> ins = new ArrayList<>(List.of(tripCount, condition));
        ins.addAll(carried);
        List<ElementType> types = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (int i = 1; i < body.outputs().size(); i++) {
            Value o = body.outputs().get(i);
            types.add(o.type());
            if (i <= nCarried) shapes.add(carried.get(i - 1).shape());                 // carried: as it came in
            else {
                List<Dim> dims = new ArrayList<>();                                    // scanned: [iterations, …]
                dims.add(Dim.UNKNOWN);
                dims.addAll(o.shape().dims());
                shapes.add(new Shape(dims));
            }
        }
        return g.opMulti(OpType.LOOP, ins, types, shapes, new Attribute.Graph("body", body));
    }
}
