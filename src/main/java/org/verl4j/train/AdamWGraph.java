package org.verl4j.train;

import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Value;

/**
 * Global-norm gradient clipping and the AdamW update on flat buffers, written as PyTorch's
 * {@code clip_grad_norm_} and {@code torch.optim.AdamW} (single-tensor path) compute them:
 * <pre>
 * n      = ‖g‖₂                                   reported as grad_norm (before clipping)
 * ĝ      = g · min(1, max_norm / (n + 1e-6))
 * θ      ← θ · (1 − lr·λ)                          decoupled weight decay
 * m      ← β₁·m + (1 − β₁)·ĝ
 * v      ← β₂·v + (1 − β₂)·ĝ²
 * θ      ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)      t = step, 1 on the first update
 * </pre>
 * If n is not finite (NaN or ∞) the step is skipped: θ, m, v come out unchanged (verl skips such steps).
 */
final class AdamWGraph {

    /** Optimizer hyperparameter inputs (scalars) and state inputs (flat, length P). */
    record Inputs(Value theta, Value m, Value v, Value step, Value lr, Value beta1, Value beta2, Value eps,
                  Value weightDecay, Value maxGradNorm) {
    }

    /** Updated state and the gradient norm. */
    record Outputs(Value theta, Value m, Value v, Value gradNorm) {
    }

    static final double NORM_EPSILON = 1e-6;

    private AdamWGraph() {
    }

    static Outputs build(GraphBuilder g, Inputs in, Value grad) {
        Value one = g.scalarLike(grad, 1);
        Value norm = g.sqrt(g.reduceSumAll(g.mul(grad, grad))).named("grad_norm_value");                     // n
        Value coef = g.min(one, g.div(in.maxGradNorm(), g.add(norm, g.scalarLike(norm, NORM_EPSILON))));    // min(1, max/(n+ε))
        Value gHat = g.mul(grad, coef).named("g_clipped");                                                   // ĝ
        Value decayed = g.mul(in.theta(), g.sub(one, g.mul(in.lr(), in.weightDecay())));                    // θ(1 − lr·λ)
        Value m = g.add(g.mul(in.beta1(), in.m()), g.mul(g.sub(one, in.beta1()), gHat));                    // m
        Value v = g.add(g.mul(in.beta2(), in.v()), g.mul(g.sub(one, in.beta2()), g.mul(gHat, gHat)));       // v
        Value bias1 = g.sub(one, g.pow(in.beta1(), in.step()));                                             // 1 − β₁ᵗ
        Value bias2 = g.sub(one, g.pow(in.beta2(), in.step()));                                             // 1 − β₂ᵗ
        Value denom = g.add(g.div(g.sqrt(v), g.sqrt(bias2)), in.eps());                                     // √v/√(1−β₂ᵗ) + ε
        Value theta = g.sub(decayed, g.mul(g.div(in.lr(), bias1), g.div(m, denom)));
        Value finite = g.not(g.or(g.isNaN(norm), g.isInf(norm)));
        return new Outputs(g.where(finite, theta, in.theta()), g.where(finite, m, in.m()), g.where(finite, v, in.v()), norm);
    }
}
