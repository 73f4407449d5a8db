package org.verl4j.rl;

/**
 * The two places the KL to the reference policy can enter (ALGORITHM.md §8).
 *
 * <pre>
 * in the loss:    L_KL = aggregate(k(logπ, logπ_ref))                      added as β·L_KL   [β = 0.001, K3]
 * in the reward:  r'[i][t] = r[i][t] − β·k(logπ_old, logπ_ref)[i][t]      at valid tokens
 *                 current KL = mean_i ( Σ_t m·k / Σ_t m )                   (verl's critic/kl metric)
 * </pre>
 */
public final class KlPenalty {

    private KlPenalty() {
    }

    /** L_KL, the aggregated KL term of the actor loss (not yet multiplied by β). */
    public static double inLoss(double[][] logProb, double[][] refLogProb, boolean[][] mask,
                                KlEstimator estimator, LossAggregation aggregation) {
        TokenMask.check(mask);
        return aggregation.aggregate(estimator.perToken(logProb, refLogProb, mask), mask);
    }

    /** Rewards with the KL penalty subtracted, and the batch's current KL. */
    public static InReward inReward(double[][] rewards, double[][] oldLogProb, double[][] refLogProb, boolean[][] mask,
                                    double beta, KlEstimator estimator) {
        TokenMask.check(mask);
        TokenMask.requireFinite(rewards, mask, "rewards");
        if (!(beta >= 0) || !Double.isFinite(beta)) throw new IllegalArgumentException("KL coefficient β must be finite and ≥ 0, got " + beta);
        double[][] k = estimator.perToken(oldLogProb, refLogProb, mask);
        double[][] out = new double[mask.length][mask[0].length];
        double klSum = 0;
        for (int i = 0; i < mask.length; i++) {
            for (int t = 0; t < mask[i].length; t++) if (mask[i][t]) out[i][t] = rewards[i][t] - beta * k[i][t];
            klSum += TokenMask.rowSum(k[i], mask[i]) / TokenMask.validCount(mask[i]);
        }
        return new InReward(out, klSum / mask.length);
    }

    /**
     * @param rewards   r' [B][T], 0 at masked positions
     * @param currentKl mean over responses of the per-response token-mean KL
     */
    public record InReward(double[][] rewards, double currentKl) {
    }
}
