package org.verl4j.tasks;

import org.verl4j.grader.BoxedAnswer;
import org.verl4j.grader.Verdict;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multi-step integer arithmetic with a written chain of thought and a boxed final answer: the task the shipped
 * small model learns, where it must carry intermediate results over many tokens.
 *
 * <pre>
 * prompt    12+7*3-5                      the expression ({@link Expr#text()}), nothing else
 * solution  =12+21-5                      one line per operation: '=' and the expression after that step
 *           =33-5                         ({@link Expr#step()}: leftmost operation with two number operands)
 *           =28
 *           \boxed{28}                    the last line boxes the value; lines are joined by '\n'
 * answer    28                            exact integer, decimal, no sign (all values are ≥ 0)
 * </pre>
 *
 * Verifier: the last {@code \boxed{…}} ({@link BoxedAnswer#lastBoxed}) must hold exactly the answer as an
 * integer (surrounding spaces and a leading '+' tolerated, leading zeros compared by value); with no box the
 * last integer of the text is compared instead (ALGORITHM.md §9's fallback), which can earn the "correct unboxed" reward.
 *
 * @param difficulty the level table row ({@link ArithmeticLevel})
 */
public record ArithmeticTask(ArithmeticLevel difficulty) implements ReasoningTask {

    public static final String NAME = "arithmetic";

    /** Every character of every prompt and solution: digits, operators, parentheses, '=', '\n', "\boxed{}". */
    public static final String ALPHABET = "0123456789+-*()=\n\\boxed{}";

    private static final int MAX_TRIES = 10_000;
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern LAST_NUMBER = Pattern.compile("-?\\d+");

    public ArithmeticTask {
        if (difficulty == null) throw new IllegalArgumentException("difficulty must not be null");
    }

    /** The task at a row of {@link ArithmeticLevel}'s table. */
    public static ArithmeticTask level(int level) {
        return new ArithmeticTask(ArithmeticLevel.of(level));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int level() {
        return difficulty.level();
    }

    @Override
    public String alphabet() {
        return ALPHABET;
    }

    @Override
    public Problem sample(Random rng) {
        Expr expr = draw(rng);
        String prompt = expr.text();
        return new Problem(NAME + "-" + prompt, NAME, difficulty.level(), prompt, Long.toString(expr.value()),
                chainOfThought(expr));
    }

    /** The worked solution: one '='-line per reduction step, then {@code \boxed{value}}. */
    public static String chainOfThought(Expr expr) {
        List<String> lines = new ArrayList<>();
        for (Expr e = expr; e instanceof Expr.Bin; ) {
            e = e.step();
            lines.add("=" + e.text());
        }
        lines.add("\\boxed{" + expr.value() + "}");
        return String.join("\n", lines);
    }

    /** An expression satisfying the level's bounds (rejection sampling; throws after {@value MAX_TRIES} tries). */
    Expr draw(Random rng) {
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            Expr e = difficulty.parentheses() ? tree(rng, difficulty.operands(), null) : flat(rng);
            if (withinBounds(e)) return e;
        }
        throw new IllegalStateException("arithmetic level " + difficulty.level() + ": no expression within [0, "
                + difficulty.maxIntermediate() + "] after " + MAX_TRIES + " tries");
    }

    private boolean withinBounds(Expr e) {
        try {
            for (long v : e.intermediates()) if (v < 0 || v > difficulty.maxIntermediate()) return false;
            return true;
        } catch (ArithmeticException overflow) {
            return false;
        }
    }

    /** A uniformly split random tree with {@code n} leaves; {@code parent} decides the operand range. */
    private Expr tree(Random rng, int n, Operator parent) {
        if (n == 1) return leaf(rng, parent == Operator.MUL);
        int k = 1 + rng.nextInt(n - 1);
        Operator op = operator(rng);
        Expr left = tree(rng, k, op);
        return new Expr.Bin(op, left, tree(rng, n - k, op));
    }

    /** o₀ ∘₁ o₁ ∘₂ … parsed by precedence: × runs first (left-associative), then + and − left to right. */
    private Expr flat(Random rng) {
        int n = difficulty.operands();
        Operator[] ops = new Operator[n - 1];
        for (int i = 0; i < n - 1; i++) ops[i] = operator(rng);
        Expr term = leaf(rng, ops[0] == Operator.MUL);
        Expr sum = null;
        Operator pending = null;
        for (int i = 0; i < n - 1; i++) {
            boolean factor = ops[i] == Operator.MUL || (i + 1 < n - 1 && ops[i + 1] == Operator.MUL);
            Expr next = leaf(rng, factor);
            if (ops[i] == Operator.MUL) {
                term = new Expr.Bin(Operator.MUL, term, next);
            } else {
                sum = sum == null ? term : new Expr.Bin(pending, sum, term);
                pending = ops[i];
                term = next;
            }
        }
        return sum == null ? term : new Expr.Bin(pending, sum, term);
    }

    private Operator operator(Random rng) {
        return difficulty.operators().get(rng.nextInt(difficulty.operators().size()));
    }

    private Expr leaf(Random rng, boolean factor) {
        return factor ? new Expr.Num(2 + rng.nextInt(difficulty.maxFactor() - 1))
                : new Expr.Num(1 + rng.nextInt(difficulty.maxOperand()));
    }

    @Override
    public Verdict verify(Problem problem, String response) {
        if (!INTEGER.matcher(problem.answer()).matches())
            throw new IllegalArgumentException("arithmetic problem " + problem.id() + " has a non-integer answer '"
                    + problem.answer() + "'");
        BigInteger expected = new BigInteger(problem.answer());
        Optional<String> boxed = BoxedAnswer.lastBoxed(response);
        if (boxed.isPresent()) {
            String content = boxed.get().strip();
            if (!INTEGER.matcher(content).matches()) return new Verdict(false, content, "not-an-integer", false, true);
            boolean correct = new BigInteger(content).equals(expected);
            return new Verdict(correct, content, correct ? "exact-integer" : "different", false, true);
        }
        Matcher m = LAST_NUMBER.matcher(response);
        String last = null;
        while (m.find()) last = m.group();
        if (last == null) return new Verdict(false, "", "no-answer", false, false);
        boolean correct = new BigInteger(last).equals(expected);
        return new Verdict(correct, last, correct ? "exact-integer-unboxed" : "different", false, false);
    }
}
