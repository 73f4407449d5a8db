package org.verl4j.trainstep;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Value;

/**
 * Global-norm gradient clipping and the AdamW update on flat buffers, written as PyTorch's
 * {@code clip_grad_norm_} and {@code torch.optim.AdamW} (single-tensor path) compute them:
 * <pre>
 * n      = ‖g‖₂                                   reported as grad_norm (before clipping), see globalNorm
 * ĝ      = g · min(1, max_norm / (n + 1e-6))
 * θ      ← θ · decay                               decoupled weight decay, decay = 1 − lr·λ
 * m      ← β₁·m + (1 − β₁)·ĝ
 * v      ← β₂·v + (1 − β₂)·ĝ²
 * θ      ← θ − step_size · m / (√v / √(1 − β₂ᵗ) + ε)      step_size = lr / (1 − β₁ᵗ), t = 1 on the first update
 * </pre>
 * The constants decay, 1 − β₁, 1 − β₂, step_size and √(1 − β₂ᵗ) are inputs computed in double on the host
 * ({@link StepInputs#optimizer}), as PyTorch computes them in Python floats. If n is not finite (NaN or ∞) the step
 * is skipped: θ, m, v come out unchanged (verl skips such steps).
 */
final class AdamWGraph {

    /** Optimizer hyperparameter inputs (scalars) and state inputs (flat, length P). */
    record Inputs(Value theta, Value m, Value v, Value decay, Value beta1, Value oneMinusBeta1, Value beta2,
                  Value oneMinusBeta2, Value stepSize, Value bias2Sqrt, Value eps, Value maxGradNorm) {
    }

    /** Updated state and the gradient norm. */
    record Outputs(Value theta, Value m, Value v, Value gradNorm) {
    }

    static final double NORM_EPSILON = 1e-6;

    /** Elements per block of the norm's partial sums. */
    static final long NORM_BLOCK = 4096;

    private AdamWGraph() {
    }

    /**
     * ‖g‖₂ of the flat gradient g[P], summed in blocks and combined in double:
     * <pre>
     * s_b = Σ_{i in block b} g_i²       blocks of 4096, in the graph's type (g zero-padded to a whole block)
     * n   = √(Σ_b s_b)                  in double, then rounded to the graph's type
     * </pre>
     * One float32 ReduceSum over all P elements came out low by 2.5e-3 (relative) at 25M parameters and about 1e-2
     * at 100M, which also weakened the clip; blocks keep each float32 sum short.
     */
    static Value globalNorm(GraphBuilder g, Value grad) {
        long p = grad.shape().dim(0).size();
        long blocks = (p + NORM_BLOCK - 1) / NORM_BLOCK, padding = blocks * NORM_BLOCK - p;
        Value squares = g.mul(grad, grad);                                                                   // g_i²
        if (padding > 0) squares = g.pad(squares, g.longs(0, padding));
        Value partial = g.reduceSum(g.reshape(squares, blocks, NORM_BLOCK), false, 1).named("grad_sq_blocks"); // s_b
        Value wide = grad.type() == ElementType.DOUBLE ? partial : g.cast(partial, ElementType.DOUBLE);
        Value norm = g.sqrt(g.reduceSumAll(wide));                                                           // √Σ s_b
        return grad.type() == ElementType.DOUBLE ? norm : g.cast(norm, grad.type());
    }

    static Outputs build(GraphBuilder g, Inputs in, Value grad) {
        Value one = g.scalarLike(grad, 1);
        Value norm = globalNorm(g, grad).named("grad_norm_value");                                           // n
        Value coef = g.min(one, g.div(in.maxGradNorm(), g.add(norm, g.scalarLike(norm, NORM_EPSILON))));    // min(1, max/(n+ε))
        Value gHat = g.mul(grad, coef).named("g_clipped");                                                   // ĝ
        Value decayed = g.mul(in.theta(), in.decay());                                                      // θ(1 − lr·λ)
        Value m = g.add(g.mul(in.beta1(), in.m()), g.mul(in.oneMinusBeta1(), gHat));                        // m
        Value v = g.add(g.mul(in.beta2(), in.v()), g.mul(in.oneMinusBeta2(), g.mul(gHat, gHat)));           // v
        Value denom = g.add(g.div(g.sqrt(v), in.bias2Sqrt()), in.eps());                                    // √v/√(1−β₂ᵗ) + ε
        Value theta = g.sub(decayed, g.mul(in.stepSize(), g.div(m, denom)));                                // θ − step_size·m/denom
        Value finite = g.not(g.or(g.isNaN(norm), g.isInf(norm)));
        return new Outputs(g.where(finite, theta, in.theta()), g.where(finite, m, in.m()), g.where(finite, v, in.v()), norm);
    }
}
