package org.verl4j.trainstep;

/**
 * AdamW and gradient-clipping settings, fed to the UPDATE graph as scalar inputs.
 *
 * @param lr          learning rate (ALGORITHM.md §8: 5e-7 constant)
 * @param beta1       β₁ (0.9)
 * @param beta2       β₂ (0.999)
 * @param eps         ε added to √v̂ (1e-8)
 * @param weightDecay decoupled weight decay λ (0.01, verl's actor default)
 * @param maxGradNorm global-norm clip (ALGORITHM.md §8: 1.0)
 */
public record AdamWConfig(double lr, double beta1, double beta2, double eps, double weightDecay, double maxGradNorm) {

    public AdamWConfig {
        if (!(lr >= 0) || !Double.isFinite(lr)) throw new IllegalArgumentException("lr must be finite and ≥ 0, got " + lr);
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        if (!(eps > 0) || !Double.isFinite(eps)) throw new IllegalArgumentException("eps must be finite and > 0, got " + eps);
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) throw new IllegalArgumentException("weightDecay must be finite and ≥ 0, got " + weightDecay);
        if (!(maxGradNorm > 0)) throw new IllegalArgumentException("maxGradNorm must be > 0 (∞ for no clipping), got " + maxGradNorm);
    }

    /** The same settings with learning rate {@code lr} (a schedule's lr(t)). */
    public AdamWConfig withLr(double lr) {
        return new AdamWConfig(lr, beta1, beta2, eps, weightDecay, maxGradNorm);
    }

    /** The authors' settings (ALGORITHM.md §8): lr 5e-7, β 0.9/0.999, ε 1e-8, λ 0.01, clip 1.0. */
    public static AdamWConfig defaults() {
        return new AdamWConfig(5e-7, 0.9, 0.999, 1e-8, 0.01, 1.0);
    }
}
