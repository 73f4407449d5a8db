package org.verl4j.graph;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.verl4j.graph.ElementType.INT64;
import static org.verl4j.graph.OpType.*;

/**
 * Builds a typed ONNX graph one op at a time. Every op method returns the output {@link Value} with its element
 * type and shape inferred (rank exact, dims fixed/symbolic/unknown); name it after the math with
 * {@link Value#named(String)}, otherwise it is called {@code OpType_n}. The ops are those of the table
 * {@link OpType} (standard domain, {@link OnnxWriter#OPSET}).
 * <pre>
 * GraphBuilder g = new GraphBuilder("mlp");
 * Value x = g.input("x", ElementType.FLOAT, Shape.of("batch", 4));
 * Value w = g.initializer("W", TensorData.ofFloats(new long[]{4, 3}, ...));
 * Value h = g.tanh(g.matMul(x, w)).named("h");
 * g.output("y", h);
 * byte[] onnx = OnnxWriter.write(g.build());
 * </pre>
 * This class keeps the graph's bookkeeping (inputs, initializers, nodes, outputs, {@link ValueNames names}); each op
 * method names its {@link OpType} and hands it to the emitter of its family ({@link ElementwiseOps},
 * {@link ReductionOps}, {@link ShapeOps}, {@link IndexOps}, {@link LoopOps}), which checks the operands and infers
 * the output shape. Axes may be negative (counted from the end) and are normalised at build time.
 */
public final class GraphBuilder {

    private final String graphName;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Value> inputs = new ArrayList<>();
    private final List<Value> outputs = new ArrayList<>();
    private final List<Value> initializers = new ArrayList<>();
    private final Map<Value, Node> producers = new IdentityHashMap<>();
    private final ValueNames names;                           // shared with subgraphs: ONNX names are global
    private final GraphBuilder parent;                        // enclosing graph of a Loop body, else null
    final ElementwiseOps elementwise = new ElementwiseOps(this);  // the emitters, one per op family; gradients reach
    final ShapeOps shapes = new ShapeOps(this);                   // these two for the variants with declared shapes
    private final ReductionOps reductions = new ReductionOps(this);
    private final IndexOps indexing = new IndexOps(this);
    private final LoopOps loops = new LoopOps(this);

    public GraphBuilder(String graphName) { this(graphName, null); }

    private GraphBuilder(String graphName, GraphBuilder parent) {
        this.graphName = graphName;
        this.parent = parent;
        this.names = parent == null ? new ValueNames() : parent.names;
    }

    /** A subgraph (a Loop body, built and passed to {@link #loop}) whose nodes may read this graph's values. */
    public GraphBuilder subgraph(String name) { return new GraphBuilder(name, this); }

    // ---- declarations ---------------------------------------------------------------------------------------

    /** A graph input. */
    public Value input(String name, ElementType type, Shape shape) { return formalInput(name, type, shape); }

    /** An input of this graph itself (for a Loop body: iteration, condition, loop-carried values). */
    public Value formalInput(String name, ElementType type, Shape shape) { return declare(inputs, name, type, shape, null); }

    /** An initializer (weights): stored in the model file as {@code raw_data}, not a graph input. */
    public Value initializer(String name, TensorData data) {
        return declare(initializers, name, data.type(), Shape.fixed(data.dims()), data);
    }

    private Value declare(List<Value> into, String name, ElementType type, Shape shape, TensorData data) {
        Value v = new Value(this, names.claim(name, graphName), type, shape, data);
        names.bind(v);
        into.add(v);
        return v;
    }

    /** Marks {@code v} as a graph output under its current name (an Identity is added for inputs/initializers). */
    public Value output(Value v) {
        Value out = producedOnce(v);
        outputs.add(out);
        return out;
    }

    /** Renames {@code v} to {@code name} and marks it as a graph output. */
    public Value output(String name, Value v) {
        Value out = producedOnce(v).named(name);
        outputs.add(out);
        return out;
    }

    private Value producedOnce(Value v) {                    // v, or an Identity of it if no node made it or it is an output
        own(v);
        return !producers.containsKey(v) || outputs.contains(v) ? identity(v) : v;
    }

    /** The node that produced {@code v}, or null for inputs and initializers. */
    public Node producer(Value v) { return producers.get(v); }

    /** The value named {@code name}, or null. */
    public Value value(String name) { return names.value(name); }

    /** Nodes in creation order (a topological order). */
    public List<Node> nodes() { return List.copyOf(nodes); }

    public List<Value> inputs() { return List.copyOf(inputs); }

    public List<Value> outputs() { return List.copyOf(outputs); }

    /** A snapshot of the graph as built so far, ready for {@link OnnxWriter}. */
    public Graph build() {
        if (outputs.isEmpty()) throw new IllegalStateException("graph " + graphName + " has no outputs");
        return new Graph(graphName, nodes, inputs, outputs, initializers);
    }

    // ---- constants ------------------------------------------------------------------------------------------

    /** A {@code Constant} node holding {@code data}; its value stays readable through {@link Value#constant()}. */
    public Value constant(TensorData data) {
        Value v = new Value(this, names.fresh(CONSTANT), data.type(), Shape.fixed(data.dims()), data);
        add(Node.of(CONSTANT, List.of(), List.of(v), new Attribute.Tensor("value", data)));
        return v;
    }

    /** A 1-D INT64 constant, e.g. axes or a target shape. */
    public Value longs(long... values) { return constant(TensorData.ofLongs(new long[]{values.length}, values)); }

    /** A scalar constant of {@code type}. */
    public Value scalar(double value, ElementType type) { return constant(TensorData.scalar(type, value)); }

    /** A scalar constant with the element type of {@code like}. */
    public Value scalarLike(Value like, double value) { return scalar(value, like.type()); }

    // ---- elementwise (ElementwiseOps) -----------------------------------------------------------------------

    public Value add(Value a, Value b) { return elementwise.binary(ADD, a, b); }
    public Value sub(Value a, Value b) { return elementwise.binary(SUB, a, b); }
    public Value mul(Value a, Value b) { return elementwise.binary(MUL, a, b); }
    public Value div(Value a, Value b) { return elementwise.binary(DIV, a, b); }
    /** {@code a^b}. */
    public Value pow(Value a, Value b) { return elementwise.binary(POW, a, b); }
    public Value min(Value a, Value b) { return elementwise.binary(MIN, a, b); }
    public Value max(Value a, Value b) { return elementwise.binary(MAX, a, b); }
    public Value equal(Value a, Value b) { return elementwise.compare(EQUAL, a, b); }
    public Value less(Value a, Value b) { return elementwise.compare(LESS, a, b); }
    public Value lessOrEqual(Value a, Value b) { return elementwise.compare(LESS_OR_EQUAL, a, b); }
    public Value greater(Value a, Value b) { return elementwise.compare(GREATER, a, b); }
    public Value greaterOrEqual(Value a, Value b) { return elementwise.compare(GREATER_OR_EQUAL, a, b); }
    public Value and(Value a, Value b) { return elementwise.compare(AND, a, b); }
    public Value or(Value a, Value b) { return elementwise.compare(OR, a, b); }
    public Value neg(Value x) { return elementwise.unary(NEG, x); }
    public Value sqrt(Value x) { return elementwise.unary(SQRT, x); }
    public Value exp(Value x) { return elementwise.unary(EXP, x); }
    public Value log(Value x) { return elementwise.unary(LOG, x); }
    public Value tanh(Value x) { return elementwise.unary(TANH, x); }
    public Value sigmoid(Value x) { return elementwise.unary(SIGMOID, x); }
    public Value erf(Value x) { return elementwise.unary(ERF, x); }
    public Value cos(Value x) { return elementwise.unary(COS, x); }
    public Value sin(Value x) { return elementwise.unary(SIN, x); }
    public Value abs(Value x) { return elementwise.unary(ABS, x); }
    public Value reciprocal(Value x) { return elementwise.unary(RECIPROCAL, x); }
    public Value relu(Value x) { return elementwise.unary(RELU, x); }
    public Value identity(Value x) { return elementwise.unary(IDENTITY, x); }
    public Value sign(Value x) { return elementwise.unary(SIGN, x); }
    /** {@code min(max(x, lo), hi)} with scalar bounds. */
    public Value clip(Value x, Value lo, Value hi) { return elementwise.clip(x, lo, hi); }
    public Value cast(Value x, ElementType to) { return elementwise.cast(x, to); }
    /** {@code condition ? a : b} (broadcasting over all three). */
    public Value where(Value condition, Value a, Value b) { return elementwise.where(condition, a, b); }
    public Value not(Value x) { return elementwise.not(x); }
    public Value isNaN(Value x) { return elementwise.test(IS_NAN, x); }
    public Value isInf(Value x) { return elementwise.test(IS_INF, x); }

    // ---- matrix product, reductions, softmax (ReductionOps) -------------------------------------------------

    /** Batched {@code a·b} over the last two axes, batch axes broadcasting (ranks ≥ 2). */
    public Value matMul(Value a, Value b) { return reductions.matMul(a, b); }
    public Value reduceSum(Value x, boolean keepdims, long... axes) { return reductions.reduce(REDUCE_SUM, x, keepdims, axes); }
    public Value reduceMean(Value x, boolean keepdims, long... axes) { return reductions.reduce(REDUCE_MEAN, x, keepdims, axes); }
    public Value reduceMax(Value x, boolean keepdims, long... axes) { return reductions.reduce(REDUCE_MAX, x, keepdims, axes); }
    /** Σ over every axis to a scalar ({@code x} itself when it is a scalar already). */
    public Value reduceSumAll(Value x) { return reductions.reduceSumAll(x); }
    /** ReduceSum over run-time axes, {@code keepdims = 1}; empty axes leave {@code x} as it is. Dims unknown. */
    public Value reduceSumKeep(Value x, Value axes) { return reductions.reduceSumKeep(x, axes); }
    public Value softmax(Value x, long axis) { return reductions.softmax(SOFTMAX, x, axis); }
    public Value logSoftmax(Value x, long axis) { return reductions.softmax(LOG_SOFTMAX, x, axis); }

    // ---- shape (ShapeOps) -----------------------------------------------------------------------------------

    /** Reshape to constant dims (0 copies the input dim, −1 is inferred). */
    public Value reshape(Value x, long... dims) { return shapes.reshape(x, dims); }
    /** Reshape to a shape computed in the graph (1-D INT64 of fixed length). */
    public Value reshape(Value x, Value shape) { return shapes.reshape(x, shape); }
    public Value transpose(Value x, int... perm) { return shapes.transpose(x, perm); }
    /** {@code x[starts:ends]} along {@code axes} (step 1; negative indices count from the end, ends clamp). */
    public Value slice(Value x, long[] starts, long[] ends, long[] axes) { return shapes.slice(x, starts, ends, axes); }
    /** Slice with starts/ends computed in the graph (1-D INT64, one per axis); sliced dims come out unknown. */
    public Value slice(Value x, Value starts, Value ends, long... axes) { return shapes.slice(x, starts, ends, axes); }
    /** Slice of one {@code axis}, start/end computed in the graph, whose length {@code size} the caller knows. */
    public Value slice(Value x, Value start, Value end, long axis, Dim size) { return shapes.slice(x, start, end, axis, size); }
    /** Concat whose output shape the caller knows ({@code shape}, e.g. P + R declared as the mask's "seq"). */
    public Value concat(long axis, Shape shape, Value... parts) { return shapes.concat(axis, shape, parts); }
    public Value concat(long axis, Value... parts) { return shapes.concat(axis, parts); }
    /** {@code x} split along {@code axis} into pieces of the sizes held in the 1-D INT64 {@code sizes}. */
    public List<Value> split(Value x, long axis, Value sizes, int pieces) { return shapes.split(x, axis, sizes, pieces); }
    public Value unsqueeze(Value x, long... axes) { return shapes.unsqueeze(x, axes); }
    public Value squeeze(Value x, long... axes) { return shapes.squeeze(x, axes); }
    /** Broadcasts {@code x} to the shape held in the 1-D INT64 {@code shape} (ONNX Expand). */
    public Value expand(Value x, Value shape) { return shapes.expand(x, shape); }
    public Value expand(Value x, long... dims) { return shapes.expand(x, longs(dims)); }
    /** The run-time shape of {@code x} as a 1-D INT64 tensor. */
    public Value shape(Value x) { return shapes.shape(x); }
    /** The element count of {@code x} as an INT64 scalar. */
    public Value size(Value x) { return shapes.size(x); }
    /** A tensor of the shape held in {@code shape}, filled with {@code value} (a one-element tensor). */
    public Value constantOfShape(Value shape, TensorData value) { return shapes.constantOfShape(shape, value); }
    /** Zeros shaped and typed like {@code like}. */
    public Value zerosLike(Value like) { return shapes.zerosLike(like); }
    /** Constant-mode Pad with the 1-D INT64 {@code pads = [x1_begin, x2_begin, …, x1_end, x2_end, …]}. */
    public Value pad(Value x, Value pads) { return shapes.pad(x, pads, Shape.unknown(x.rank())); }
    /** Pad whose output shape the caller knows (e.g. a gradient padded back to its input's shape). */
    public Value pad(Value x, Value pads, Shape shape) { return shapes.pad(x, pads, shape); }
    /** Lower ({@code upper = false}) or upper triangle of the last two axes, diagonal offset {@code k}. */
    public Value trilu(Value x, boolean upper, long k) { return shapes.trilu(x, upper, scalar(k, INT64)); }
    /** {@code [start, start+delta, …) < limit}: scalars of one type. */
    public Value range(Value start, Value limit, Value delta) { return shapes.range(start, limit, delta, Dim.UNKNOWN); }
    /** Range whose length the caller knows ({@code length}, e.g. the symbolic T of a mask). */
    public Value range(Value start, Value limit, Value delta, Dim length) { return shapes.range(start, limit, delta, length); }
    /** Indices of the non-zero elements, {@code [rank, count]} INT64. */
    public Value nonZero(Value x) { return shapes.nonZero(x); }

    // ---- indexing (IndexOps), control flow (LoopOps) --------------------------------------------------------

    public Value gather(Value data, Value indices, long axis) { return indexing.gather(data, indices, axis); }
    public Value gatherElements(Value data, Value indices, long axis) { return indexing.gatherElements(data, indices, axis); }
    /** {@code data} with {@code updates} written (or combined by {@code reduction}: none/add/mul/max/min) at indices. */
    public Value scatterElements(Value data, Value indices, Value updates, long axis, String reduction) {
        return indexing.scatterElements(data, indices, updates, axis, reduction);
    }
    public Value scatterND(Value data, Value indices, Value updates, String reduction) {
        return indexing.scatterND(data, indices, updates, reduction);
    }
    /** ONNX Loop over {@code body} (see {@link LoopOps}): the final carried values, then the scanned outputs. */
    public List<Value> loop(Value tripCount, Value condition, List<Value> carried, Graph body) {
        return loops.loop(tripCount, condition, carried, body);
    }

    // ---- nodes ----------------------------------------------------------------------------------------------

    /** Adds one node of {@code op} with one output of the given type and shape (the emitters' one way in). */
    Value op(OpType op, List<Value> ins, ElementType outType, Shape outShape, Attribute... attributes) {
        return opMulti(op, ins, List.of(outType), List.of(outShape), attributes).get(0);
    }

    /** Adds one node with several outputs, named {@code OpType_n_i}. */
    List<Value> opMulti(OpType op, List<Value> ins, List<ElementType> outTypes, List<Shape> outShapes, Attribute... attributes) {
        op.check(ins, outTypes.size(), List.of(attributes));
        for (Value in : ins) own(in);
        List<String> outNames = names.fresh(op, outTypes.size());
        List<Value> outs = new ArrayList<>();
        for (int i = 0; i < outTypes.size(); i++)
            outs.add(new Value(this, outNames.get(i), outTypes.get(i), outShapes.get(i), null).markAutoNamed());
        add(Node.of(op, ins, outs, attributes));
        return outs;
    }

    private void add(Node node) {
        nodes.add(node);
        for (Value o : node.outputs()) {
            names.bind(o);
            producers.put(o, node);
        }
    }

    void rename(Value v, String newName) {
        own(v);
        if (newName.equals(v.name())) return;
        if (inputs.contains(v)) throw new IllegalArgumentException("graph input " + v.name() + " cannot be renamed");
        names.rename(v, names.claim(newName, graphName));
    }

    /** Renames an auto-named {@code v} to {@code base}, or {@code base_1}, {@code base_2}… if taken. */
    void nameAfter(Value v, String base) {
        if (!v.isAutoNamed() || !producers.containsKey(v)) return;
        rename(v, names.free(base));
    }

    private void own(Value v) {
        for (GraphBuilder b = this; b != null; b = b.parent) if (v.owner() == b) return;
        throw new IllegalArgumentException("value " + v + " belongs to another graph");
    }

    /** A built graph: nodes in topological order, inputs, outputs (with declared shapes) and initializers. */
    public record Graph(String name, List<Node> nodes, List<Value> inputs, List<Value> outputs, List<Value> initializers) {
        public Graph {
            nodes = List.copyOf(nodes);
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
            initializers = List.copyOf(initializers);
        }
    }
}
