package org.verl4j.rank.tokens;

/**
 * Policy-based baselines of one response (ALGORITHM.md §5), from per-token values of the policy π that generated it.
 *
 * <pre>
 * average log-probability   (1/T) Σ_t log π(y_t | x, y_&lt;t)
 * predictive entropy        (1/T) Σ_t H_t,   H_t = H(π(· | x, y_&lt;t)) over the full vocabulary
 * </pre>
 * H_t from one position's logits is {@link org.verl4j.rl.TokenEntropy#of} (log-sum-exp stable), the same entropy
 * the RL core uses for its entropy bonus. An empty response or a NaN/±∞ per-token value throws with the token's
 * index.
 */
public final class PolicyUncertainty {

    private PolicyUncertainty() {
    }

    /** (1/T) Σ_t log π(y_t|…) from the per-token log-probabilities. */
    public static double averageLogProbability(double[] logProbs) {
        return mean(logProbs, "log-probability");
    }

    /** mean_t H_t from the per-token entropies of the policy's distribution. */
    public static double predictiveEntropy(double[] entropies) {
        return mean(entropies, "entropy");
    }

    private static double mean(double[] values, String what) {
        if (values.length == 0) throw new IllegalArgumentException("empty response: the mean per-token " + what + " needs at least one token");
        double sum = 0;
        for (int t = 0; t < values.length; t++) {
            if (!Double.isFinite(values[t])) throw new IllegalArgumentException("non-finite " + what + " " + values[t] + " at token " + t);
            sum += values[t];
        }
        return sum / values.length;
    }
}
