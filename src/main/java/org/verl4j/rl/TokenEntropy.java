package org.verl4j.rl;

/**
 * Entropy of the policy's next-token distribution from its logits (the H_t of the entropy bonus and of the
 * entropy-based shaping baseline), computed stably:
 *
 * <pre>
 * p_v = softmax(z)_v
 * H   = −Σ_v p_v ln p_v = logsumexp(z) − Σ_v p_v z_v
 * </pre>
 */
public final class TokenEntropy {

    private TokenEntropy() {
    }

    /** H of softmax(z); z must be non-empty and finite. */
    public static double of(double[] logits) {
        if (logits.length == 0) throw new IllegalArgumentException("entropy of an empty logit vector");
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < logits.length; v++) {
            if (!Double.isFinite(logits[v])) throw new IllegalArgumentException("logit " + v + " is " + logits[v]);
            max = Math.max(max, logits[v]);
        }
        double z = 0, weighted = 0;
        for (double l : logits) {
            double e = Math.exp(l - max);
            z += e;                                     // Σ exp(z_v − max)
            weighted += e * (l - max);                  // Σ exp(z_v − max)·(z_v − max)
        }
        double logSumExp = Math.log(z);                 // logsumexp(z) − max
        return Math.max(0.0, logSumExp - weighted / z); // rounding can give −1e-17 for one-hot logits
    }
}
