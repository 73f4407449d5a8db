package org.verl4j.graph;

import java.util.Objects;

/**
 * A named tensor in a graph under construction: a graph input, an initializer, a constant or a node output.
 * Values are created by {@link GraphBuilder} only. The name may be changed with {@link #named(String)} until the
 * graph is written, so a line of graph code reads {@code Value q = g.matMul(x, wQ).named("q")}.
 */
public final class Value {

    private final GraphBuilder owner;
    private String name;
    private boolean autoNamed;                 // true while the name is the builder's OpType_n
    private final ElementType type;
    private final Shape shape;
    private final TensorData constant;   // non-null for initializers and constants: lets ops read shapes and axes

    Value(GraphBuilder owner, String name, ElementType type, Shape shape, TensorData constant) {
        this.owner = owner;
        this.name = name;
        this.type = Objects.requireNonNull(type);
        this.shape = Objects.requireNonNull(shape);
        this.constant = constant;
    }

    public String name() {
        return name;
    }

    public ElementType type() {
        return type;
    }

    public Shape shape() {
        return shape;
    }

    public int rank() {
        return shape.rank();
    }

    /** The constant's data when this value is an initializer or a {@code Constant}, else null. */
    public TensorData constant() {
        return constant;
    }

    GraphBuilder owner() {
        return owner;
    }

    /** Renames this value (and its producing node); names are unique within a graph. Returns this. */
    public Value named(String newName) {
        owner.rename(this, newName);
        return this;
    }

    void setName(String newName) {
        this.name = newName;
        this.autoNamed = false;
    }

    /** Marks the name as the builder's generated one; returns this. */
    Value markAutoNamed() {
        this.autoNamed = true;
        return this;
    }

    /** True while the value carries the builder's generated name ({@code OpType_n}). */
    boolean isAutoNamed() {
        return autoNamed;
    }

    @Override
    public String toString() {
        return name + ":" + type + shape;
    }
}
