package org.verl4j.graph;

import java.util.List;

/** A node attribute of one of the ONNX kinds verl4j uses ({@code AttributeProto.type} in brackets). */
public sealed interface Attribute {

    /** Attribute name, e.g. {@code "axis"}. */
    String name();

    /** INT (2). */
    record Int(String name, long value) implements Attribute {
    }

    /** FLOAT (1). */
    record Float(String name, float value) implements Attribute {
    }

    /** STRING (3), UTF-8. */
    record Str(String name, String value) implements Attribute {
    }

    /** INTS (7). */
    record Ints(String name, List<Long> values) implements Attribute {
        public Ints {
            values = List.copyOf(values);
        }

        public static Ints of(String name, long... values) {
            return new Ints(name, java.util.Arrays.stream(values).boxed().toList());
        }
    }

    /** GRAPH (5): a subgraph, e.g. the body of a Loop. */
    record Graph(String name, GraphBuilder.Graph value) implements Attribute {
    }

    /** TENSOR (4). */
    record Tensor(String name, TensorData value) implements Attribute {
    }
}
