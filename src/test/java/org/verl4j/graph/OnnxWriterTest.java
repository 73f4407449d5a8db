package org.verl4j.graph;

import ai.onnx.proto.OnnxMl;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written encoder against protobuf-java's generated ONNX classes (tribuo-util-onnx, test scope): what we
 * write parses, carries the fields we meant, and re-serialises to the very same bytes.
 */
class OnnxWriterTest {

    static GraphBuilder.Graph sample() {
        GraphBuilder g = new GraphBuilder("sample");
        Value x = g.input("x", ElementType.FLOAT, Shape.of("batch", 3));
        Value w = g.initializer("W", TensorData.ofFloats(new long[]{3, 2}, 1f, -2f, 3.5f, 0f, -0.25f, 7f));
        Value h = g.matMul(x, w).named("h");
        Value s = g.softmax(h, -1).named("p");
        Value r = g.reduceSum(s, true, -1).named("sum_p");
        g.output("y", g.tanh(g.add(h, g.reshape(r, 0, -1))));
        g.output(s);
        return g.build();
    }

    @Test
    void bytesParseAsAModelProtoWithTheFieldsWritten() throws Exception {
        OnnxMl.ModelProto m = OnnxMl.ModelProto.parseFrom(OnnxWriter.write(sample()));
        assertThat(m.getIrVersion()).isEqualTo(OnnxWriter.IR_VERSION);
        assertThat(m.getOpsetImport(0).getVersion()).isEqualTo(OnnxWriter.OPSET);
        OnnxMl.GraphProto graph = m.getGraph();
        assertThat(graph.getName()).isEqualTo("sample");
        assertThat(graph.getInput(0).getName()).isEqualTo("x");
        OnnxMl.TensorShapeProto xShape = graph.getInput(0).getType().getTensorType().getShape();
        assertThat(xShape.getDim(0).getDimParam()).isEqualTo("batch");
        assertThat(xShape.getDim(1).getDimValue()).isEqualTo(3);
        assertThat(graph.getOutputList()).extracting(OnnxMl.ValueInfoProto::getName).containsExactly("y", "p");
        OnnxMl.TypeProto.Tensor y = graph.getOutput(0).getType().getTensorType();
        assertThat(y.getElemType()).isEqualTo(OnnxMl.TensorProto.DataType.FLOAT.getNumber());
        assertThat(y.getShape().getDim(0).getDimParam()).isEqualTo("batch");
        assertThat(y.getShape().getDim(1).getDimValue()).isEqualTo(2);
        OnnxMl.TensorProto wProto = graph.getInitializer(0);
        assertThat(wProto.getDimsList()).containsExactly(3L, 2L);
        assertThat(wProto.getRawData().asReadOnlyByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN).getFloat(8)).isEqualTo(3.5f);
        assertThat(graph.getNodeList()).extracting(OnnxMl.NodeProto::getName).contains("h", "p", "sum_p", "y");
        OnnxMl.NodeProto softmax = graph.getNodeList().stream().filter(n -> n.getOpType().equals("Softmax")).findFirst().orElseThrow();
        assertThat(softmax.getAttribute(0).getName()).isEqualTo("axis");
        assertThat(softmax.getAttribute(0).getI()).isEqualTo(1);
    }

    @Test
    void bytesAreIdenticalToProtobufJavaReserialisingThem() throws Exception {
        byte[] ours = OnnxWriter.write(sample());
        assertThat(OnnxMl.ModelProto.parseFrom(ours).toByteArray()).isEqualTo(ours);
    }

    @Test
    void loopBodiesAreWrittenAsGraphAttributes() throws Exception {
        GraphBuilder g = new GraphBuilder("counter");
        Value x = g.input("x", ElementType.DOUBLE, Shape.of(2));
        Value scale = g.input("scale", ElementType.DOUBLE, Shape.SCALAR);
        GraphBuilder body = g.subgraph("body");
        body.formalInput("i", ElementType.INT64, Shape.SCALAR);
        Value go = body.formalInput("go", ElementType.BOOL, Shape.SCALAR);
        Value xk = body.formalInput("x_k", ElementType.DOUBLE, Shape.of(2));
        body.output(body.identity(go));
        body.output(body.mul(xk, scale));                       // reads the outer "scale"
        List<Value> out = g.loop(g.constant(TensorData.ofLongs(new long[0], 3)),
                g.constant(TensorData.ofBooleans(new long[0], true)), List.of(x), body.build());
        g.output("x_out", out.get(0));
        byte[] bytes = OnnxWriter.write(g.build());
        OnnxMl.ModelProto m = OnnxMl.ModelProto.parseFrom(bytes);
        assertThat(m.toByteArray()).isEqualTo(bytes);
        OnnxMl.NodeProto loop = m.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Loop")).findFirst().orElseThrow();
        assertThat(loop.getAttribute(0).getType()).isEqualTo(OnnxMl.AttributeProto.AttributeType.GRAPH);
        assertThat(loop.getAttribute(0).getG().getInputCount()).isEqualTo(3);
        try (OrtRunner r = new OrtRunner(bytes, OrtRunner.Options.cpu(1))) {
            var y = r.run(java.util.Map.of("x", HostTensor.ofDoubles(new long[]{2}, 1, -2),
                    "scale", HostTensor.ofDoubles(new long[0], 2))).get("x_out").doubles();
            assertThat(y).containsExactly(8, -16);
        }
    }

    @Test
    void negativeIntsAndStringsRoundTrip() throws Exception {
        GraphBuilder g = new GraphBuilder("attrs");
        Value x = g.input("x", ElementType.DOUBLE, Shape.of(2, 3, "n"));
        Value t = g.transpose(x, 2, 0, 1);
        Value s = g.slice(t, new long[]{-1}, new long[]{Long.MAX_VALUE}, new long[]{-1});
        Value idx = g.input("i", ElementType.INT64, Shape.of(2, 3, 1));
        Value scattered = g.scatterElements(g.zerosLike(x), idx, g.transpose(s, 1, 2, 0), -1, "add");
        g.output(scattered);
        byte[] ours = OnnxWriter.write(g.build());
        OnnxMl.ModelProto m = OnnxMl.ModelProto.parseFrom(ours);
        assertThat(m.toByteArray()).isEqualTo(ours);
        OnnxMl.NodeProto scatter = m.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("ScatterElements")).findFirst().orElseThrow();
        assertThat(scatter.getAttributeList()).anySatisfy(a -> assertThat(a.getS().toStringUtf8()).isEqualTo("add"));
    }

    @Test
    void aFloatAttributeRoundTripsAndOrtReadsIt() throws Exception {
        // No op verl4j emits takes a FLOAT attribute, so the node is assembled by hand: Constant(value_float = −0.5).
        GraphBuilder g = new GraphBuilder("floats");
        Value c = new Value(g, "c", ElementType.FLOAT, Shape.SCALAR, null);
        Node node = Node.of(OpType.CONSTANT, List.of(), List.of(c), new Attribute.Float("value_float", -0.5f));
        byte[] ours = OnnxWriter.write(new GraphBuilder.Graph("floats", List.of(node), List.of(), List.of(c), List.of()));
        OnnxMl.ModelProto m = OnnxMl.ModelProto.parseFrom(ours);
        assertThat(m.toByteArray()).isEqualTo(ours);
        OnnxMl.AttributeProto f = m.getGraph().getNode(0).getAttribute(0);
        assertThat(f.getType()).isEqualTo(OnnxMl.AttributeProto.AttributeType.FLOAT);
        assertThat(f.getF()).isEqualTo(-0.5f);
        try (OrtRunner r = new OrtRunner(ours, OrtRunner.Options.cpu(1))) {
            assertThat(r.run(java.util.Map.of()).get("c").scalar()).isEqualTo(-0.5);
        }
    }

    @Test
    void attributesAreWrittenInTheOrderTheOpGivesThem() throws Exception {
        // Map.copyOf iterates in an order salted per JVM, so before Node kept insertion order these two-attribute
        // nodes came out in either order from one run to the next (same graph, different bytes).
        GraphBuilder g = new GraphBuilder("order");
        Value x = g.input("x", ElementType.DOUBLE, Shape.of(2, 3));
        Value idx = g.input("i", ElementType.INT64, Shape.of(2, 3));
        g.output("s", g.scatterElements(x, idx, x, 1, "add"));
        g.output("r", g.reduceSumKeep(x, g.longs(1)));
        OnnxMl.GraphProto graph = OnnxMl.ModelProto.parseFrom(OnnxWriter.write(g.build())).getGraph();
        assertThat(attributeNames(graph, "ScatterElements")).containsExactly("axis", "reduction");
        assertThat(attributeNames(graph, "ReduceSum")).containsExactly("keepdims", "noop_with_empty_axes");
    }

    private static List<String> attributeNames(OnnxMl.GraphProto graph, String opType) {
        return graph.getNodeList().stream().filter(n -> n.getOpType().equals(opType)).findFirst().orElseThrow()
                .getAttributeList().stream().map(OnnxMl.AttributeProto::getName).toList();
    }
}
