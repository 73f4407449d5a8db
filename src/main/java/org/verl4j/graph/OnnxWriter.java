package org.verl4j.graph;

import org.verl4j.io.AtomicFile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a {@link GraphBuilder.Graph} as an ONNX {@code ModelProto} (field numbers from onnx.proto3 of ONNX 1.14).
 *
 * <p>Opset 18, IR version 8. Why 18: from opset 18 every Reduce* op takes its axes as an input (ReduceSum since 13,
 * ReduceMean/Max only from 18), so reductions over axes computed at run time — which the broadcasting gradients
 * need — look the same for all of them; ScatterElements/ScatterND have {@code reduction = "add"} (since 16), which
 * the Gather gradients need; Pad takes its pads as an input. ORT 1.23.2 runs every op used here at 18.
 *
 * <p>Graph outputs are declared with element type and shape (fixed sizes as {@code dim_value}, symbols as
 * {@code dim_param}, unknown dims left empty); initializers are stored as little-endian {@code raw_data}.
 */
public final class OnnxWriter {

    public static final int OPSET = 18;
    public static final int IR_VERSION = 8;

    private OnnxWriter() {
    }

    /** The serialized {@code ModelProto}. */
    public static byte[] write(GraphBuilder.Graph graph) {
        ProtoWriter opset = new ProtoWriter().string(1, "").varint(2, OPSET);   // OperatorSetIdProto{domain, version}
        return new ProtoWriter()
                .varint(1, IR_VERSION)                                         // ir_version
                .string(2, "verl4j")                                           // producer_name
                .message(7, graph(graph))                                      // graph
                .message(8, opset)                                             // opset_import
                .toByteArray();
    }

    /** Writes the model to {@code file} atomically ({@link AtomicFile}: readers never see a partial model). */
    public static void write(GraphBuilder.Graph graph, Path file) throws IOException {
        byte[] bytes = write(graph);
        AtomicFile.write(file, out -> out.write(bytes));
    }

    private static ProtoWriter graph(GraphBuilder.Graph g) {
        ProtoWriter w = new ProtoWriter();
        for (Node n : g.nodes()) w.message(1, node(n));                         // node
        w.string(2, g.name());                                                  // name
        for (Value v : g.initializers()) w.message(5, tensor(v.name(), v.constant()));   // initializer
        for (Value v : g.inputs()) w.message(11, valueInfo(v));                 // input
        for (Value v : g.outputs()) w.message(12, valueInfo(v));                // output
        return w;
    }

    private static ProtoWriter node(Node n) {
        ProtoWriter w = new ProtoWriter();
        for (Value v : n.inputs()) w.string(1, v.name());                       // input
        for (Value v : n.outputs()) w.string(2, v.name());                      // output
        w.string(3, n.name());                                                  // name
        w.string(4, n.opType().onnxName());                                     // op_type
        for (Attribute a : n.attributes().values()) w.message(5, attribute(a)); // attribute
        return w;
    }

    private static ProtoWriter attribute(Attribute a) {
        ProtoWriter w = new ProtoWriter().string(1, a.name());                  // name
        if (a instanceof Attribute.Float f) w.fixed32(2, f.value()).varint(20, 1);            // f, type FLOAT
        else if (a instanceof Attribute.Int i) w.varint(3, i.value()).varint(20, 2);          // i, type INT
        else if (a instanceof Attribute.Str s) w.string(4, s.value()).varint(20, 3);          // s, type STRING
        else if (a instanceof Attribute.Tensor t) w.message(5, tensor("", t.value())).varint(20, 4);   // t, TENSOR
        else if (a instanceof Attribute.Graph sub) w.message(6, graph(sub.value())).varint(20, 5);      // g, GRAPH
        else if (a instanceof Attribute.Ints is) {
            for (long v : is.values()) w.varint(8, v);                                         // ints
            w.varint(20, 7);                                                                   // type INTS
        }
        return w;
    }

    static ProtoWriter tensor(String name, TensorData t) {
        ProtoWriter w = new ProtoWriter();
        for (long d : t.dims()) w.varint(1, d);                                 // dims
        w.varint(2, t.type().onnxCode);                                         // data_type
        if (!name.isEmpty()) w.string(8, name);                                 // name
        w.bytes(9, t.raw());                                                    // raw_data
        return w;
    }

    private static ProtoWriter valueInfo(Value v) {
        ProtoWriter shape = new ProtoWriter();
        for (Dim d : v.shape().dims()) {
            ProtoWriter dim = new ProtoWriter();
            if (d.isFixed()) dim.varint(1, d.size());                           // dim_value
            else if (d.isSymbolic()) dim.string(2, d.symbol());                 // dim_param
            shape.message(1, dim);                                              // TensorShapeProto.dim
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, v.type().onnxCode).message(2, shape);   // elem_type, shape
        ProtoWriter type = new ProtoWriter().message(1, tensorType);            // TypeProto.tensor_type
        return new ProtoWriter().string(1, v.name()).message(2, type);          // ValueInfoProto{name, type}
    }
}
