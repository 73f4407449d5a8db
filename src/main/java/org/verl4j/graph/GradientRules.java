package org.verl4j.graph;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The gradient registry: at most one {@link GradientRule} per entry of the op table {@link OpType}, filled by the
 * op families' gradient classes ({@code ElementwiseGradients}, {@code MatMulGradients}, {@code ReductionGradients},
 * {@code SoftmaxGradients}, {@code ShapeGradients}, {@code GatherGradients}). An op without a rule (comparisons,
 * Shape, Pad, Split, Loop, …) is not differentiable.
 */
final class GradientRules {

    /** Every rule verl4j has. */
    static final GradientRules ALL = all();

    private final Map<OpType, GradientRule> rules = new EnumMap<>(OpType.class);

    private GradientRules() {
    }

    private static GradientRules all() {
        GradientRules r = new GradientRules();
        ElementwiseGradients.register(r);
        MatMulGradients.register(r);
        ReductionGradients.register(r);
        SoftmaxGradients.register(r);
        ShapeGradients.register(r);
        GatherGradients.register(r);
        return r;
    }

    /** Registers the backward of {@code op}; a second rule for one op is an error. */
    void define(OpType op, GradientRule rule) {
        if (rules.putIfAbsent(op, rule) != null) throw new IllegalStateException("two gradient rules for " + op.onnxName());
    }

    /** The rule of {@code op}, or null when it has none. */
    GradientRule of(OpType op) {
        return rules.get(op);
    }

    /** The ops that have a rule. */
    Set<OpType> ops() {
        return Collections.unmodifiableSet(rules.isEmpty() ? EnumSet.noneOf(OpType.class) : EnumSet.copyOf(rules.keySet()));
    }
}
