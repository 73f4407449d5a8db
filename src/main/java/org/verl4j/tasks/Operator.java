package org.verl4j.tasks;

/** The binary operators of the arithmetic task, with the usual precedence (× binds tighter than + and −). */
public enum Operator {
    ADD('+', 1),
    SUB('-', 1),
    MUL('*', 2);

    private final char symbol;
    private final int precedence;

    Operator(char symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public char symbol() {
        return symbol;
    }

    public int precedence() {
        return precedence;
    }

    /** a ∘ b exactly; throws {@link ArithmeticException} on long overflow. */
    public long apply(long a, long b) {
        return switch (this) {
            case ADD -> Math.addExact(a, b);
            case SUB -> Math.subtractExact(a, b);
            case MUL -> Math.multiplyExact(a, b);
        };
    }
}
