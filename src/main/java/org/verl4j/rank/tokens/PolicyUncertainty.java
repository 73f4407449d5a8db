package org.verl4j.rank.tokens;

/**
 * Policy-based baselines of one response (spec §5), from per-token values of the policy π that generated it.
 *
 * <pre>
 * average log-probability   (1/T) Σ_t log π(y_t | x, y_&lt;t)
 * predictive entropy        (1/T) Σ_t H_t,   H_t = H(π(· | x, y_&lt;t)) over the full vocabulary
 * H of a softmax            H = ln Σ_i e^{x_i} − Σ_i softmax(x)_i · x_i
 *                             = ln S − Σ_i e^{x_i − m} (x_i − m) / S,   m = max_i x_i,  S = Σ_i e^{x_i − m}
 * </pre>
 * The shifted form never overflows; a logit of −∞ (a masked id) has probability 0 and contributes 0. An empty
 * response or a NaN/±∞ per-token value throws with the token's index.
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

    /** H(softmax(x)) in nats, for one position's logits. */
    public static double entropyOfSoftmax(double[] logits) {
        return entropyOfSoftmax(logits, 0, logits.length);
    }

    /** H(softmax(x)) for the logits {@code x = logits[offset .. offset+vocab)} (one row of a [T][V] buffer). */
    public static double entropyOfSoftmax(double[] logits, int offset, int vocab) {
        if (vocab < 1) throw new IllegalArgumentException("softmax over an empty vocabulary");
        double m = Double.NEGATIVE_INFINITY;
        for (int i = offset; i < offset + vocab; i++) {
            double x = logits[i];
            if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY)
                throw new IllegalArgumentException("logit " + x + " at vocabulary index " + (i - offset));
            m = Math.max(m, x);                                          // m = max x_i
        }
        if (m == Double.NEGATIVE_INFINITY) throw new IllegalArgumentException("every logit is −∞: the softmax is undefined");
        double s = 0, weighted = 0;
        for (int i = offset; i < offset + vocab; i++) {
            if (logits[i] == Double.NEGATIVE_INFINITY) continue;        // p_i = 0 contributes nothing
            double shifted = logits[i] - m;                             // x_i − m
            double e = Math.exp(shifted);                               // e^{x_i − m}
            s += e;                                                     // S
            weighted += e * shifted;                                    // Σ e^{x_i − m}(x_i − m)
        }
        return Math.log(s) - weighted / s;                              // H
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
