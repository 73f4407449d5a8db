package org.verl4j.graph;

import java.util.List;

import static org.verl4j.graph.ElementType.BOOL;

/**
 * Emits the elementwise ops of {@link OpType} into one graph, for {@link GraphBuilder}'s {@code add}, {@code exp},
 * {@code where}, …: each checks the operand types and infers the output shape (broadcasting, {@link ShapeRules}).
 * <pre>
 * unary    y = f(x)          type and shape of x
 * binary   y = a ∘ b         one element type, shapes broadcast
 * compare  y = a ∘ b         BOOL, shapes broadcast
 * test     y = p(x)          BOOL, shape of x
 * </pre>
 */
final class ElementwiseOps {

    private final GraphBuilder g;

    ElementwiseOps(GraphBuilder g) {
        this.g = g;
    }

    Value unary(OpType op, Value x) {
        return unary(op, x, x.shape());
    }

    /** A unary op whose output shape the caller knows ({@code declared}). */
    Value unary(OpType op, Value x, Shape declared) {
        return g.op(op, List.of(x), x.type(), declared);
    }

    Value binary(OpType op, Value a, Value b) {
        op.requireSameType(a, b);
        return g.op(op, List.of(a, b), a.type(), ShapeRules.broadcast(a.shape(), b.shape()));
    }

    Value compare(OpType op, Value a, Value b) {
        op.requireSameType(a, b);
        return g.op(op, List.of(a, b), BOOL, ShapeRules.broadcast(a.shape(), b.shape()));
    }

    Value test(OpType op, Value x) {
        return g.op(op, List.of(x), BOOL, x.shape());
    }

    /** {@code ¬x} of a BOOL tensor. */
    Value not(Value x) {
        BOOL.require(x, "not");
        return g.op(OpType.NOT, List.of(x), BOOL, x.shape());
    }

    /** {@code min(max(x, lo), hi)}, scalar bounds. */
    Value clip(Value x, Value lo, Value hi) {
        if (lo.rank() != 0 || hi.rank() != 0) throw new IllegalArgumentException("clip bounds must be scalars, got " + lo + ", " + hi);
        return g.op(OpType.CLIP, List.of(x, lo, hi), x.type(), x.shape());
    }

    Value cast(Value x, ElementType to) {
        return g.op(OpType.CAST, List.of(x), to, x.shape(), new Attribute.Int("to", to.onnxCode));
    }

    /** {@code condition ? a : b}, broadcasting over all three. */
    Value where(Value condition, Value a, Value b) {
        BOOL.require(condition, "where condition");
        OpType.WHERE.requireSameType(a, b);
        return g.op(OpType.WHERE, List.of(condition, a, b), a.type(), ShapeRules.broadcast(condition.shape(), a.shape(), b.shape()));
    }
}
