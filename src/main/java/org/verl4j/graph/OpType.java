package org.verl4j.graph;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The op table: one constant per ONNX operator verl4j emits, all of the standard domain ({@code ai.onnx}, written as
 * the empty domain) at {@link OnnxWriter#OPSET}. Each carries its ONNX name, how many inputs and outputs the ONNX
 * schema allows and the names of the attributes it defines — as Tribuo's {@code ONNXOperators} describes its ops —
 * so a node is checked against the schema when it is added ({@link #check}). {@link Node}s hold an {@code OpType},
 * the writer writes {@link #onnxName()}, and the gradient registry ({@link Autodiff}) is keyed by it.
 * <pre>
 * inputs  min…max    (VARIADIC: no upper bound; optional inputs are counted in max)
 * outputs min…max
 * </pre>
 */
public enum OpType {
    /** A tensor held in the graph: {@code y = value}. */
    CONSTANT("Constant", 0, 0, 1, 1, "sparse_value", "value", "value_float", "value_floats", "value_int", "value_ints",
            "value_string", "value_strings"),

    // elementwise arithmetic (binary ops broadcast)
    ADD("Add", 2, 1), SUB("Sub", 2, 1), MUL("Mul", 2, 1), DIV("Div", 2, 1), POW("Pow", 2, 1),
    MIN("Min", 1, OpType.VARIADIC, 1, 1), MAX("Max", 1, OpType.VARIADIC, 1, 1),
    NEG("Neg", 1, 1), SQRT("Sqrt", 1, 1), EXP("Exp", 1, 1), LOG("Log", 1, 1), TANH("Tanh", 1, 1),
    SIGMOID("Sigmoid", 1, 1), ERF("Erf", 1, 1), COS("Cos", 1, 1), SIN("Sin", 1, 1), ABS("Abs", 1, 1),
    RECIPROCAL("Reciprocal", 1, 1), RELU("Relu", 1, 1), IDENTITY("Identity", 1, 1), SIGN("Sign", 1, 1),
    /** {@code min(max(x, lo), hi)}; the bounds are optional inputs. */
    CLIP("Clip", 1, 3, 1, 1),
    CAST("Cast", 1, 1, "to"),
    /** {@code condition ? a : b}. */
    WHERE("Where", 3, 1),

    // comparisons and logic (BOOL out)
    EQUAL("Equal", 2, 1), LESS("Less", 2, 1), LESS_OR_EQUAL("LessOrEqual", 2, 1), GREATER("Greater", 2, 1),
    GREATER_OR_EQUAL("GreaterOrEqual", 2, 1), AND("And", 2, 1), OR("Or", 2, 1), NOT("Not", 1, 1),
    IS_NAN("IsNaN", 1, 1), IS_INF("IsInf", 1, 1, "detect_negative", "detect_positive"),

    // matrix product, reductions (axes as an optional input since opset 18), softmax
    MAT_MUL("MatMul", 2, 1),
    REDUCE_SUM("ReduceSum", 1, 2, 1, 1, "keepdims", "noop_with_empty_axes"),
    REDUCE_MEAN("ReduceMean", 1, 2, 1, 1, "keepdims", "noop_with_empty_axes"),
    REDUCE_MAX("ReduceMax", 1, 2, 1, 1, "keepdims", "noop_with_empty_axes"),
    SOFTMAX("Softmax", 1, 1, "axis"), LOG_SOFTMAX("LogSoftmax", 1, 1, "axis"),

    // shape: data, starts, ends[, axes, steps] for Slice; input[, split] for Split
    RESHAPE("Reshape", 2, 1, "allowzero"), TRANSPOSE("Transpose", 1, 1, "perm"),
    SLICE("Slice", 3, 5, 1, 1), CONCAT("Concat", 1, OpType.VARIADIC, 1, 1, "axis"),
    SPLIT("Split", 1, 2, 1, OpType.VARIADIC, "axis", "num_outputs"),
    UNSQUEEZE("Unsqueeze", 2, 1), SQUEEZE("Squeeze", 1, 2, 1, 1), EXPAND("Expand", 2, 1),
    SHAPE("Shape", 1, 1, "end", "start"), SIZE("Size", 1, 1),
    CONSTANT_OF_SHAPE("ConstantOfShape", 1, 1, "value"),
    /** data, pads[, constant_value, axes]. */
    PAD("Pad", 2, 4, 1, 1, "mode"),
    /** input[, k]. */
    TRILU("Trilu", 1, 2, 1, 1, "upper"),
    RANGE("Range", 3, 1), NON_ZERO("NonZero", 1, 1),

    // indexing
    GATHER("Gather", 2, 1, "axis"), GATHER_ELEMENTS("GatherElements", 2, 1, "axis"),
    SCATTER_ELEMENTS("ScatterElements", 3, 1, "axis", "reduction"), SCATTER_ND("ScatterND", 3, 1, "reduction"),

    // control flow: trip count, condition, loop-carried values…  →  final carried values…, scanned outputs…
    LOOP("Loop", 2, OpType.VARIADIC, 1, OpType.VARIADIC, "body");

    /** No upper bound on the number of inputs or outputs. */
    public static final int VARIADIC = Integer.MAX_VALUE;

    private final String onnxName;
    private final int minInputs, maxInputs, minOutputs, maxOutputs;
    private final Set<String> attributes;

    OpType(String onnxName, int inputs, int outputs, String... attributes) {
        this(onnxName, inputs, inputs, outputs, outputs, attributes);
    }

    OpType(String onnxName, int minInputs, int maxInputs, int minOutputs, int maxOutputs, String... attributes) {
        this.onnxName = onnxName;
        this.minInputs = minInputs;
        this.maxInputs = maxInputs;
        this.minOutputs = minOutputs;
        this.maxOutputs = maxOutputs;
        this.attributes = Collections.unmodifiableSet(new TreeSet<>(List.of(attributes)));
    }

    /** The operator's name in ONNX ({@code NodeProto.op_type}), e.g. {@code "MatMul"}; also the stem of node names. */
    public String onnxName() {
        return onnxName;
    }

    /** The names of the attributes the ONNX schema defines for this op. */
    public Set<String> attributes() {
        return attributes;
    }

    /** Whether the schema takes {@code n} inputs. */
    boolean takesInputs(int n) {
        return n >= minInputs && n <= maxInputs;
    }

    /** Whether the schema gives {@code n} outputs. */
    boolean givesOutputs(int n) {
        return n >= minOutputs && n <= maxOutputs;
    }

    /** Throws unless a node of this op with these inputs, output count and attributes fits the schema. */
    void check(List<Value> inputs, int outputs, Collection<Attribute> attributes) {
        if (!takesInputs(inputs.size()))
            throw new IllegalArgumentException(onnxName + " takes " + range(minInputs, maxInputs) + " inputs, got " + inputs.size());
        if (!givesOutputs(outputs))
            throw new IllegalArgumentException(onnxName + " gives " + range(minOutputs, maxOutputs) + " outputs, not " + outputs);
        for (Attribute a : attributes)
            if (!this.attributes.contains(a.name()))
                throw new IllegalArgumentException(onnxName + " has no attribute " + a.name() + " (it has " + this.attributes + ")");
    }

    /** Throws unless {@code a} and {@code b} have one element type (the type constraint of most two-input ops). */
    void requireSameType(Value a, Value b) {
        if (a.type() != b.type())
            throw new IllegalArgumentException(onnxName + " of " + a + " and " + b + ": element types differ");
    }

    private static String range(int min, int max) {
        return min == max ? String.valueOf(min) : max == VARIADIC ? "at least " + min : min + " to " + max;
    }
}
