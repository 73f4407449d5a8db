package org.verl4j.rl;

/**
 * Per-token estimators of KL(π ‖ π_ref) from log-probabilities of the sampled token (ALGORITHM.md §8; verl
 * {@code kl_penalty}), with d = logπ − logπ_ref.
 *
 * <pre>
 * K1   k = d                                 ("kl")
 * ABS  k = |d|                               ("abs")
 * K2   k = ½·d²                              ("mse")
 * K3   k = clamp(exp(−d) + d − 1, −10, 10)   ("low_var_kl", the default; exp(ref − logp) − (ref − logp) − 1)
 * </pre>
 */
public enum KlEstimator {
    K1, ABS, K2, K3;

    /** The K3 clamp ±10. */
    public static final double K3_CLAMP = 10.0;

    /** k for one token. */
    public double of(double logProb, double refLogProb) {
        double d = logProb - refLogProb;
        return switch (this) {
            case K1 -> d;
            case ABS -> Math.abs(d);
            case K2 -> 0.5 * d * d;
            case K3 -> {
                double kl = refLogProb - logProb;                   // ref − logp
                double k = Math.exp(kl) - kl - 1;
                yield Math.max(-K3_CLAMP, Math.min(K3_CLAMP, k));
            }
        };
    }

    /**
     * ∂k/∂logπ for one token: K1 1; ABS sign(d); K2 d; K3 1 − exp(ref − logp), 0 where the ±10 clamp is active
     * (PyTorch's clamp passes the gradient at the bounds themselves).
     */
    public double derivative(double logProb, double refLogProb) {
        double d = logProb - refLogProb;
        return switch (this) {
            case K1 -> 1.0;
            case ABS -> Math.signum(d);
            case K2 -> d;
            case K3 -> {
                double kl = refLogProb - logProb;
                double k = Math.exp(kl) - kl - 1;
                yield k > K3_CLAMP || k < -K3_CLAMP ? 0.0 : 1.0 - Math.exp(kl);
            }
        };
    }

    /** k[B][T] at valid tokens, 0 elsewhere. */
    public double[][] perToken(double[][] logProb, double[][] refLogProb, boolean[][] mask) {
        TokenMask.requireFinite(logProb, mask, "logProb");
        TokenMask.requireFinite(refLogProb, mask, "refLogProb");
        double[][] k = new double[mask.length][mask[0].length];
        for (int i = 0; i < mask.length; i++)
            for (int t = 0; t < mask[i].length; t++) if (mask[i][t]) k[i][t] = of(logProb[i][t], refLogProb[i][t]);
        return k;
    }
}
