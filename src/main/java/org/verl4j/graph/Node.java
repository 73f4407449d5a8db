package org.verl4j.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ONNX node: its operator (an entry of the op table {@link OpType}), inputs, outputs and attributes. Named
 * after its first output. Attributes keep the order they were given in, so the serialized node is the same in
 * every JVM.
 */
public record Node(OpType opType, List<Value> inputs, List<Value> outputs, Map<String, Attribute> attributes) {

    public Node {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));   // not Map.copyOf: its order is salted per JVM
    }

    /** A node with {@code attributes}, kept in the order given. */
    static Node of(OpType opType, List<Value> inputs, List<Value> outputs, Attribute... attributes) {
        Map<String, Attribute> byName = new LinkedHashMap<>();
        for (Attribute a : attributes) byName.put(a.name(), a);
        return new Node(opType, inputs, outputs, byName);
    }

    public String name() {
        return outputs.get(0).name();
    }

    public Value input(int i) {
        return inputs.get(i);
    }

    public Value output() {
        return outputs.get(0);
    }

    /** An INT attribute, or {@code fallback} when absent. */
    public long intAttribute(String name, long fallback) {
        Attribute a = attributes.get(name);
        return a == null ? fallback : ((Attribute.Int) a).value();
    }

    /** An INTS attribute, if present. */
    public Optional<long[]> intsAttribute(String name) {
        Attribute a = attributes.get(name);
        return a == null ? Optional.empty()
                : Optional.of(((Attribute.Ints) a).values().stream().mapToLong(Long::longValue).toArray());
    }

    /** A STRING attribute, or {@code fallback}. */
    public String stringAttribute(String name, String fallback) {
        Attribute a = attributes.get(name);
        return a == null ? fallback : ((Attribute.Str) a).value();
    }
}
