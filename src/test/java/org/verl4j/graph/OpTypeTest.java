package org.verl4j.graph;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.verl4j.graph.ElementType.DOUBLE;
import static org.verl4j.graph.ElementType.FLOAT;
import static org.verl4j.graph.ElementType.INT64;
import static org.verl4j.graph.OpType.*;

/**
 * The op table against the builder and ONNX Runtime: every entry is emitted by some op method, and ORT (the
 * independent oracle for names, arities and attributes at opset 18) loads and runs a graph that uses them all; the
 * table refuses a node its schema does not allow; the gradient registry covers exactly the differentiable entries.
 */
class OpTypeTest {

    @Test
    void everyEntryIsEmittedByAnOpMethodAndOrtRunsTheGraphThatUsesThemAll() {
        GraphBuilder g = new GraphBuilder("every_op");
        Value x = g.input("x", FLOAT, Shape.of(2, 3));
        Value b = g.input("b", FLOAT, Shape.of(3));
        Value idx = g.input("idx", INT64, Shape.of(2, 3));
        Value pos = g.add(g.abs(x), g.scalarLike(x, 1));                                         // |x| + 1 > 0
        Value range = g.range(g.scalar(0, INT64), g.size(x), g.scalar(1, INT64));                 // [0, 6)
        List<Value> results = new ArrayList<>(List.of(
                g.sub(g.mul(x, b), g.div(x, pos)), g.pow(pos, b), g.min(x, b), g.max(x, b),
                g.neg(g.sqrt(pos)), g.exp(g.log(pos)), g.tanh(g.sigmoid(g.erf(x))), g.cos(g.sin(x)),
                g.reciprocal(pos), g.relu(x), g.identity(x), g.sign(x), g.clip(x, g.scalar(-1, FLOAT), g.scalar(1, FLOAT)),
                g.cast(g.cast(x, DOUBLE), FLOAT),
                g.where(g.and(g.lessOrEqual(x, b), g.not(g.or(g.equal(x, b), g.greaterOrEqual(x, b)))), x, b),
                g.or(g.less(x, b), g.greater(x, b)), g.or(g.isNaN(x), g.isInf(x)),
                g.matMul(x, g.transpose(g.reshape(x, 2, 3), 1, 0)), g.reduceSum(x, true, 1), g.reduceMean(x, false, 0),
                g.reduceMax(x, false, -1), g.reduceSumKeep(x, g.longs(1)), g.softmax(x, -1), g.logSoftmax(x, 0),
                g.slice(x, new long[]{1}, new long[]{3}, new long[]{1}), g.squeeze(g.unsqueeze(x, 0), 0), g.expand(b, 2, 3),
                g.size(x), g.constantOfShape(g.shape(x), TensorData.ofFloats(new long[]{1}, 2f)), g.zerosLike(x),
                g.pad(b, g.longs(1, 1)), g.trilu(x, false, 0),
                g.nonZero(g.greater(x, b)),
                g.gather(x, idx, 1), g.gatherElements(x, idx, 1), g.scatterElements(x, idx, x, 1, "add"),
                g.scatterND(x, g.unsqueeze(g.longs(1), -1), g.unsqueeze(b, 0), "none")));
        results.addAll(g.split(g.concat(0, b, b), 0, g.longs(2, 4), 2));
        GraphBuilder body = g.subgraph("body");                                                    // c ← c·b, 3 times
        body.formalInput("iteration", INT64, Shape.SCALAR);
        Value condition = body.formalInput("condition", ElementType.BOOL, Shape.SCALAR);
        Value c = body.formalInput("c", FLOAT, Shape.of(3));
        body.output("condition_out", body.identity(condition));
        body.output("c_out", body.mul(c, b));
        GraphBuilder.Graph bodyGraph = body.build();
        Value carried = g.loop(g.scalar(3, INT64), g.constant(TensorData.scalar(ElementType.BOOL, 1)), List.of(b), bodyGraph).get(0);
        g.output("loop", carried);
        g.output("range", range);
        for (int i = 0; i < results.size(); i++) g.output("r" + i, results.get(i));
        GraphBuilder.Graph graph = g.build();

        Set<OpType> emitted = EnumSet.noneOf(OpType.class);
        for (GraphBuilder.Graph gr : List.of(graph, bodyGraph)) for (Node n : gr.nodes()) emitted.add(n.opType());
        assertThat(emitted).isEqualTo(EnumSet.allOf(OpType.class));
        assertThat(Arrays.stream(OpType.values()).map(OpType::onnxName).collect(Collectors.toSet())).hasSize(OpType.values().length);

        try (OrtRunner r = new OrtRunner(graph, OrtRunner.Options.cpu(1))) {
            Map<String, HostTensor> out = r.run(Map.of("x", HostTensor.ofFloats(new long[]{2, 3}, 1, -2, 3, 0.5f, 0, -1),
                    "b", HostTensor.ofFloats(new long[]{3}, 2, -1, 0.5f), "idx", HostTensor.ofLongs(new long[]{2, 3}, 0, 2, 1, 1, 1, 0)));
            assertThat(out).hasSize(2 + results.size());
            assertThat(out.get("loop").doubles()).containsExactly(16, 1, 0.0625);                  // b⁴
            assertThat(out.get("range").longs()).containsExactly(0, 1, 2, 3, 4, 5);
        }
    }

    @Test
    void aNodeOutsideItsOpsSchemaIsRefused() {
        GraphBuilder g = new GraphBuilder("schema");
        Value x = g.input("x", DOUBLE, Shape.of(2));
        assertThatThrownBy(() -> g.op(ADD, List.of(x), DOUBLE, x.shape())).hasMessageContaining("Add takes 2 inputs, got 1");
        assertThatThrownBy(() -> g.op(RELU, List.of(x), DOUBLE, x.shape(), new Attribute.Int("axis", 0)))
                .hasMessageContaining("Relu has no attribute axis");
        assertThatThrownBy(() -> g.opMulti(SOFTMAX, List.of(x), List.of(DOUBLE, DOUBLE), List.of(x.shape(), x.shape())))
                .hasMessageContaining("Softmax gives 1 outputs, not 2");
        assertThat(g.nodes()).isEmpty();
    }

    @Test
    void theGradientRegistryHasARuleForEveryEntryButThoseWithNoUsefulGradient() {
        // Boolean or integer results (comparisons, logic, IsNaN/IsInf, Shape, Size, Range, NonZero), piecewise
        // constants (Sign), constants, and ops verl4j never differentiates through (Pad, Split, the scatters, Loop:
        // they appear only in backward passes and control flow).
        Set<OpType> without = EnumSet.of(CONSTANT, SIGN, EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, AND, OR, NOT,
                IS_NAN, IS_INF, SHAPE, SIZE, RANGE, NON_ZERO, CONSTANT_OF_SHAPE, PAD, SPLIT, SCATTER_ELEMENTS, SCATTER_ND, LOOP);
        assertThat(Autodiff.differentiableOps()).isEqualTo(EnumSet.complementOf(EnumSet.copyOf(without)));
        for (OpType op : OpType.values()) assertThat(Autodiff.differentiable(op)).as(op.onnxName()).isEqualTo(!without.contains(op));
    }
}
