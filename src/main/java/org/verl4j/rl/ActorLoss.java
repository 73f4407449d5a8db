package org.verl4j.rl;

/**
 * The actor's total loss (ALGORITHM.md §8): policy surrogate, entropy bonus and KL-in-loss.
 *
 * <pre>
 * L_actor = L_pg − c_H · aggregate(H) + β · aggregate(k(logπ, logπ_ref))
 * </pre>
 * H[i][t] is the token entropy of π at position t (computed by the model, detached or not: a number here).
 * Defaults: c_H = 0.001, β = 0.001, K3. A β of 0 skips the reference log-probabilities (they may be null).
 *
 * @param policy        the clipped surrogate
 * @param entropyCoeff  c_H ≥ 0
 * @param klCoeff       β ≥ 0
 * @param klEstimator   k
 */
public record ActorLoss(PolicyLoss policy, double entropyCoeff, double klCoeff, KlEstimator klEstimator) {

    public ActorLoss {
        if (policy == null || klEstimator == null) throw new IllegalArgumentException("policy loss and KL estimator are required");
        if (!(entropyCoeff >= 0) || !Double.isFinite(entropyCoeff)) throw new IllegalArgumentException("entropy coefficient must be finite and ≥ 0, got " + entropyCoeff);
        if (!(klCoeff >= 0) || !Double.isFinite(klCoeff)) throw new IllegalArgumentException("KL coefficient must be finite and ≥ 0, got " + klCoeff);
    }

    /** The defaults: {@link PolicyLoss#defaults()} (ε 0.2/0.2, dual clip 3, token-mean), c_H = 0.001, β = 0.001 with K3 (ALGORITHM.md §8). */
    public static ActorLoss defaults() {
        return new ActorLoss(PolicyLoss.defaults(), 0.001, 0.001, KlEstimator.K3);
    }

    /** Total loss and its parts. */
    public Result compute(double[][] logProb, double[][] oldLogProb, double[][] refLogProb, double[][] advantages,
                          double[][] entropy, boolean[][] mask) {
        PolicyLoss.Result pg = policy.compute(logProb, oldLogProb, advantages, mask);
        TokenMask.requireFinite(entropy, mask, "entropy");
        double h = policy.aggregation().aggregate(entropy, mask);
        double kl = klCoeff == 0 ? 0 : KlPenalty.inLoss(logProb, refLogProb, mask, klEstimator, policy.aggregation());
        return new Result(pg.loss() - entropyCoeff * h + klCoeff * kl, pg, h, kl);
    }

    /**
     * ∂L_actor/∂logπ[i][t] through the sampled token's log-probability: the surrogate's gradient plus
     * β·w[i][t]·∂k/∂logπ. The entropy term depends on the whole distribution (the logits), not on logπ of the
     * sampled token, so its gradient is not part of this array.
     */
    public double[][] gradLogProb(double[][] logProb, double[][] oldLogProb, double[][] refLogProb, double[][] advantages,
                                  boolean[][] mask) {
        double[][] g = policy.gradLogProb(logProb, oldLogProb, advantages, mask);
        if (klCoeff == 0) return g;
        TokenMask.requireFinite(refLogProb, mask, "refLogProb");
        double[][] w = policy.aggregation().weights(mask);
        for (int i = 0; i < mask.length; i++)
            for (int t = 0; t < mask[i].length; t++)
                if (mask[i][t]) g[i][t] += klCoeff * w[i][t] * klEstimator.derivative(logProb[i][t], refLogProb[i][t]);
        return g;
    }

    /**
     * @param loss    L_actor
     * @param policy  the surrogate and its diagnostics
     * @param entropy aggregate(H)
     * @param kl      aggregate(k), before β (0 when β = 0)
     */
    public record Result(double loss, PolicyLoss.Result policy, double entropy, double kl) {
    }
}
