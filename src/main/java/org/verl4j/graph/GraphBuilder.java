package org.verl4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a typed ONNX graph one op at a time. Every op method returns the output {@link Value} with its element
 * type and shape inferred (rank exact, dims fixed/symbolic/unknown); name it after the math with
 * {@link Value#named(String)}, otherwise it is called {@code OpType_n}. Ops are standard-domain ONNX at
 * {@link OnnxWriter#OPSET}.
 *
 * <pre>
 * GraphBuilder g = new GraphBuilder("mlp");
 * Value x = g.input("x", ElementType.FLOAT, Shape.of("batch", 4));
 * Value w = g.initializer("W", TensorData.ofFloats(new long[]{4, 3}, ...));
 * Value h = g.tanh(g.matMul(x, w)).named("h");
 * g.output("y", h);
 * byte[] onnx = OnnxWriter.write(g.build());
 * </pre>
 * The op methods live in this class and in {@link Ops}; this class keeps the graph's bookkeeping.
 */
public final class GraphBuilder extends Ops {
    // Ops holds the op methods only (a file split of one API, not a hierarchy): sealed, GraphBuilder its one subclass.

    private final String graphName;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Value> inputs = new ArrayList<>();
    private final List<Value> outputs = new ArrayList<>();
    private final List<Value> initializers = new ArrayList<>();
    private final Map<String, Value> byName;                  // shared with subgraphs: ONNX names are global
    private final Map<Value, Node> producers = new IdentityHashMap<>();
    private final Map<String, Integer> counters;
    private final GraphBuilder parent;                        // enclosing graph of a Loop body, else null

    public GraphBuilder(String graphName) {
        this(graphName, null);
    }

    private GraphBuilder(String graphName, GraphBuilder parent) {
        this.graphName = graphName;
        this.parent = parent;
        this.byName = parent == null ? new HashMap<>() : parent.byName;
        this.counters = parent == null ? new HashMap<>() : parent.counters;
    }

    /**
     * A subgraph (e.g. a Loop body) whose nodes may read this graph's values by name (ONNX outer-scope values).
     * Build it, then pass {@code sub.build()} as a graph attribute ({@link Attribute.Graph}).
     */
    public GraphBuilder subgraph(String name) {
        return new GraphBuilder(name, this);
    }

    @Override
    GraphBuilder graph() {
        return this;
    }

    /** A graph input. */
    public Value input(String name, ElementType type, Shape shape) {
        return formalInput(name, type, shape);
    }

    /** An input of this graph itself (for a Loop body: iteration, condition, loop-carried values). */
    public Value formalInput(String name, ElementType type, Shape shape) {
        Value v = new Value(this, claim(name), type, shape, null);
        byName.put(v.name(), v);
        inputs.add(v);
        return v;
    }

    /** An initializer (weights): stored in the model file as {@code raw_data}, not a graph input. */
    public Value initializer(String name, TensorData data) {
        Value v = new Value(this, claim(name), data.type(), Shape.fixed(data.dims()), data);
        byName.put(v.name(), v);
        initializers.add(v);
        return v;
    }

    /** Marks {@code v} as a graph output under its current name (an Identity is added for inputs/initializers). */
    public Value output(Value v) {
        own(v);
        if (!producers.containsKey(v) || outputs.contains(v)) v = identity(v);
        outputs.add(v);
        return v;
    }

    /** Renames {@code v} to {@code name} and marks it as a graph output. */
    public Value output(String name, Value v) {
        own(v);
        if (!producers.containsKey(v) || outputs.contains(v)) v = identity(v);
        v.named(name);
        outputs.add(v);
        return v;
    }

    /** The node that produced {@code v}, or null for inputs and initializers. */
    public Node producer(Value v) {
        return producers.get(v);
    }

    /** The value named {@code name}, or null. */
    public Value value(String name) {
        return byName.get(name);
    }

    /** Nodes in creation order (a topological order). */
    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public List<Value> inputs() {
        return List.copyOf(inputs);
    }

    public List<Value> outputs() {
        return List.copyOf(outputs);
    }

    /** A snapshot of the graph as built so far, ready for {@link OnnxWriter}. */
    public Graph build() {
        if (outputs.isEmpty()) throw new IllegalStateException("graph " + graphName + " has no outputs");
        return new Graph(graphName, nodes, inputs, outputs, initializers);
    }

    /** Adds one node of a standard ONNX op with one output; the escape hatch for ops without a method. */
    public Value op(String opType, List<Value> ins, ElementType outType, Shape outShape, Attribute... attributes) {
        return opMulti(opType, ins, List.of(outType), List.of(outShape), attributes).get(0);
    }

    /** Adds one node with several outputs. */
    public List<Value> opMulti(String opType, List<Value> ins, List<ElementType> outTypes, List<Shape> outShapes,
                               Attribute... attributes) {
        for (Value in : ins) own(in);
        int n = counters.merge(opType, 1, Integer::sum);
        List<Value> outs = new ArrayList<>();
        for (int i = 0; i < outTypes.size(); i++) {
            String name = freshName(opType + "_" + n + (outTypes.size() > 1 ? "_" + i : ""));
            Value o = new Value(this, name, outTypes.get(i), outShapes.get(i), null);
            o.markAutoNamed();
            outs.add(o);
        }
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        for (Attribute a : attributes) attrs.put(a.name(), a);
        Node node = new Node(opType, ins, outs, attrs);
        nodes.add(node);
        for (Value o : outs) {
            byName.put(o.name(), o);
            producers.put(o, node);
        }
        return outs;
    }

    /** A {@code Constant} node holding {@code data}; its value stays readable through {@link Value#constant()}. */
    public Value constant(TensorData data) {
        int n = counters.merge("Constant", 1, Integer::sum);
        Value v = new Value(this, freshName("Constant_" + n), data.type(), Shape.fixed(data.dims()), data);
        Node node = new Node("Constant", List.of(), List.of(v), Map.of("value", new Attribute.Tensor("value", data)));
        nodes.add(node);
        byName.put(v.name(), v);
        producers.put(v, node);
        return v;
    }

    void rename(Value v, String newName) {
        own(v);
        if (newName.equals(v.name())) return;
        if (inputs.contains(v)) throw new IllegalArgumentException("graph input " + v.name() + " cannot be renamed");
        claim(newName);
        byName.remove(v.name());
        v.setName(newName);
        byName.put(newName, v);
    }

    private String claim(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("value name must be non-empty");
        if (byName.containsKey(name)) throw new IllegalArgumentException("graph " + graphName + " already has a value named " + name);
        byName.put(name, null);
        return name;
    }

    /** Renames an auto-named {@code v} to {@code base}, or {@code base_1}, {@code base_2}… if taken. */
    void nameAfter(Value v, String base) {
        if (!v.isAutoNamed() || !producers.containsKey(v)) return;
        String name = base;
        for (int i = 1; byName.containsKey(name); i++) name = base + "_" + i;
        rename(v, name);
    }

    private String freshName(String base) {
        String name = base;
        for (int i = 1; byName.containsKey(name); i++) name = base + "_" + i;
        byName.put(name, null);
        return name;
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

    static int[] axes(Shape s, long... axes) {
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) out[i] = s.axis(axes[i]);
        int[] sorted = out.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++)
            if (sorted[i] == sorted[i - 1]) throw new IllegalArgumentException("repeated axis in " + Arrays.toString(axes));
        return out;
    }
}
