package org.verl4j.tasks;

import java.io.Serializable;
import java.util.List;

/**
 * One difficulty level of the arithmetic task: how many operands, how large, which operators, and whether the
 * expression tree is free (so parentheses appear) or the left-to-right precedence parse of a flat expression.
 *
 * <pre>
 * level  operands  operand ∈   factor ∈   operators  parentheses
 *   1       2      [1, 30]       —          + −         no        "17+5"
 *   2       3      [1, 9]        —          + −         no        "9-3+4"
 *   3       3      [1, 20]     [2, 9]       + − ×       no        "12+7*3"
 *   4       4      [1, 50]     [2, 9]       + − ×       yes       "(41-8)*3+17"
 *   5       5      [1, 99]     [2, 12]      + − ×       yes
 *   6       6      [1, 999]    [2, 99]      + − ×       yes
 * </pre>
 * A factor is an operand that is a direct child of ×. Every intermediate value and the answer lie in
 * [0, {@code maxIntermediate}] (rejection sampling), so no negative number is ever written.
 *
 * @param level           the row number (≥ 1)
 * @param operands        number of leaves (≥ 2)
 * @param maxOperand      operands of + and − are drawn from [1, maxOperand]
 * @param maxFactor       operands of × are drawn from [2, maxFactor]
 * @param operators       the operator mix, drawn uniformly
 * @param parentheses     true: uniformly random tree shapes; false: a flat expression parsed by precedence
 * @param maxIntermediate the largest value any step may produce
 */
public record ArithmeticLevel(int level, int operands, int maxOperand, int maxFactor, List<Operator> operators,
                              boolean parentheses, long maxIntermediate) implements Serializable {

    private static final List<Operator> ADDITIVE = List.of(Operator.ADD, Operator.SUB);
    private static final List<Operator> ALL = List.of(Operator.ADD, Operator.SUB, Operator.MUL);
    private static final long BOUND = 1_000_000;

    public ArithmeticLevel {
        operators = List.copyOf(operators);
        if (level < 1) throw new IllegalArgumentException("level must be ≥ 1, got " + level);
        if (operands < 2) throw new IllegalArgumentException("operands must be ≥ 2, got " + operands);
        if (maxOperand < 1) throw new IllegalArgumentException("maxOperand must be ≥ 1, got " + maxOperand);
        if (operators.isEmpty()) throw new IllegalArgumentException("operators must not be empty");
        if (operators.contains(Operator.MUL) && maxFactor < 2)
            throw new IllegalArgumentException("maxFactor must be ≥ 2 when × is used, got " + maxFactor);
        if (maxIntermediate < maxOperand)
            throw new IllegalArgumentException("maxIntermediate must be ≥ maxOperand, got " + maxIntermediate);
    }

    /** The row {@code level} of the table above; throws naming the valid range otherwise. */
    public static ArithmeticLevel of(int level) {
        return switch (level) {
            case 1 -> new ArithmeticLevel(1, 2, 30, 0, ADDITIVE, false, BOUND);
            case 2 -> new ArithmeticLevel(2, 3, 9, 0, ADDITIVE, false, BOUND);
            case 3 -> new ArithmeticLevel(3, 3, 20, 9, ALL, false, BOUND);
            case 4 -> new ArithmeticLevel(4, 4, 50, 9, ALL, true, BOUND);
            case 5 -> new ArithmeticLevel(5, 5, 99, 12, ALL, true, BOUND);
            case 6 -> new ArithmeticLevel(6, 6, 999, 99, ALL, true, BOUND);
            default -> throw new IllegalArgumentException("arithmetic has levels 1..6, got " + level);
        };
    }

    /** The number of levels in the table. */
    public static int count() {
        return 6;
    }
}
