package org.verl4j.trainstep;

/**
 * Plain-Java oracle for the UPDATE graph, written from PyTorch's {@code clip_grad_norm_} and single-tensor
 * {@code AdamW} (torch/optim/adamw.py, torch/nn/utils/clip_grad.py), in double:
 * <pre>
 * n = ‖g‖₂;  g ← g·min(1, max_norm/(n + 1e-6))
 * θ ← θ(1 − lr·λ);  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²
 * θ ← θ − (lr/(1−β₁ᵗ))·m/(√v/√(1−β₂ᵗ) + ε)
 * </pre>
 */
final class ReferenceAdamW {

    final double[] theta, m, v;
    long t;

    ReferenceAdamW(double[] theta0) {
        theta = theta0.clone();
        m = new double[theta0.length];
        v = new double[theta0.length];
    }

    /** One step with gradient g; returns n. */
    double step(double[] g, AdamWConfig c) {
        double sq = 0;
        for (double x : g) sq += x * x;
        double norm = Math.sqrt(sq);
        double coef = Math.min(1.0, c.maxGradNorm() / (norm + 1e-6));
        t++;
        double bias1 = 1 - Math.pow(c.beta1(), t), bias2 = 1 - Math.pow(c.beta2(), t);
        for (int i = 0; i < theta.length; i++) {
            double gi = g[i] * coef;
            theta[i] *= 1 - c.lr() * c.weightDecay();
            m[i] = c.beta1() * m[i] + (1 - c.beta1()) * gi;
            v[i] = c.beta2() * v[i] + (1 - c.beta2()) * gi * gi;
            theta[i] -= (c.lr() / bias1) * m[i] / (Math.sqrt(v[i]) / Math.sqrt(bias2) + c.eps());
        }
        return norm;
    }
}
