package org.verl4j.model;

/**
 * The test's AdamW, written from {@code torch.nn.utils.clip_grad_norm_} and {@code torch.optim.AdamW}
 * (single-tensor path), in place on flat arrays:
 * <pre>
 *   n = ‖g‖₂,  ĝ = g · min(1, max_norm / (n + 1e-6))
 *   θ ← θ(1 − lr·λ);  m ← β₁m + (1−β₁)ĝ;  v ← β₂v + (1−β₂)ĝ²
 *   θ ← θ − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε)
 * </pre>
 */
final class JavaAdamW {

    private JavaAdamW() {
    }

    static void step(double[] theta, double[] m, double[] v, double[] g, int t, double lr, double beta1, double beta2,
                     double eps, double weightDecay, double maxNorm) {
        double norm = 0;
        for (double x : g) norm += x * x;
        norm = Math.sqrt(norm);
        double coef = Math.min(1, maxNorm / (norm + 1e-6));
        double bias1 = 1 - Math.pow(beta1, t), bias2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < theta.length; i++) {
            double gHat = g[i] * coef;
            theta[i] *= 1 - lr * weightDecay;
            m[i] = beta1 * m[i] + (1 - beta1) * gHat;
            v[i] = beta2 * v[i] + (1 - beta2) * gHat * gHat;
            theta[i] -= lr / bias1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(bias2) + eps);
        }
    }
}
