package org.verl4j.tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * An integer expression tree over {@link Operator}s, printed with the fewest parentheses that re-parse to the
 * same tree, and reduced one operation at a time for the written chain of thought.
 *
 * <pre>
 * text:   a child is parenthesised when its precedence is lower than its parent's, and a RIGHT child also
 *         when it is equal (so "a-(b-c)" and "a+(b+c)" keep their shape; "a-b-c" is ((a-b)-c))
 * step:   the leftmost operation whose two operands are numbers is replaced by its value (post-order)
 *         12+7*3-5  →  12+21-5  →  33-5  →  28
 * </pre>
 */
public sealed interface Expr permits Expr.Num, Expr.Bin {

    /** The exact value. */
    long value();

    /** The expression as written (digits, {@code + - *}, parentheses; a negative number is "(-4)"). */
    String text();

    /** Number of operations left. */
    int operations();

    /** The expression after one reduction step; a number has none and throws. */
    Expr step();

    /** The value the next {@link #step()} produces; a number has none and throws. */
    long stepValue();

    /** Every value an operation produces while reducing to a number, in reduction order. */
    default List<Long> intermediates() {
        List<Long> values = new ArrayList<>();
        for (Expr e = this; e instanceof Bin; e = e.step()) values.add(e.stepValue());
        return values;
    }

    /** A literal. */
    record Num(long value) implements Expr {
        @Override
        public String text() {
            return value < 0 ? "(" + value + ")" : Long.toString(value);
        }

        @Override
        public int operations() {
            return 0;
        }

        @Override
        public Expr step() {
            throw new IllegalStateException("a number has no step left: " + value);
        }

        @Override
        public long stepValue() {
            throw new IllegalStateException("a number has no step left: " + value);
        }
    }

    /** {@code left op right}. */
    record Bin(Operator op, Expr left, Expr right) implements Expr {
        @Override
        public long value() {
            return op.apply(left.value(), right.value());
        }

        @Override
        public String text() {
            return wrap(left, left instanceof Bin l && l.op.precedence() < op.precedence())
                    + op.symbol()
                    + wrap(right, right instanceof Bin r && r.op.precedence() <= op.precedence());
        }

        private static String wrap(Expr e, boolean parenthesise) {
            return parenthesise ? "(" + e.text() + ")" : e.text();
        }

        @Override
        public int operations() {
            return 1 + left.operations() + right.operations();
        }

        @Override
        public Expr step() {
            if (left instanceof Num a && right instanceof Num b) return new Num(op.apply(a.value(), b.value()));
            if (left instanceof Bin) return new Bin(op, left.step(), right);
            return new Bin(op, left, right.step());
        }

        @Override
        public long stepValue() {
            if (left instanceof Num a && right instanceof Num b) return op.apply(a.value(), b.value());
            return left instanceof Bin ? left.stepValue() : right.stepValue();
        }
    }
}
