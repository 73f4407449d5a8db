package org.verl4j.shaping;

import org.verl4j.rl.TokenMask;

/**
 * The entropy-based advantage term of Cheng et al. 2025, "Reasoning with Exploration: An Entropy Perspective",
 * in the same slot and with the same clip as VERL:
 *
 * <pre>
 * b[i][t] = β · H_t           H_t = −Σ_v π(v|…) ln π(v|…), the policy's token entropy at position t, DETACHED
 * A       = A0 + min(relu(b), |A0|/κ)      (relu is a no-op for H ≥ 0; β = 0.4, κ = 2 in their paper)
 * </pre>
 * Every valid token gets its own bonus; the entropies are plain numbers here (no gradient flows through them).
 *
 * @param entropy H[B][T] (≥ 0 at valid tokens)
 * @param beta    β ≥ 0
 */
public record EntropyBonus(double[][] entropy, double beta) implements AuxSlot {

    /** β of Cheng et al. */
    public static final double PAPER_BETA = 0.4;

    public EntropyBonus {
        if (entropy == null) throw new IllegalArgumentException("entropy bonus needs token entropies");
        if (!(beta >= 0) || !Double.isFinite(beta)) throw new IllegalArgumentException("entropy bonus β must be finite and ≥ 0, got " + beta);
    }

    @Override
    public double[][] rawBonus(boolean[][] mask) {
        TokenMask.requireFinite(entropy, mask, "entropy");
        double[][] b = new double[mask.length][mask[0].length];
        for (int i = 0; i < mask.length; i++)
            for (int t = 0; t < mask[i].length; t++) {
                if (!mask[i][t]) continue;
                if (entropy[i][t] < 0) throw new IllegalArgumentException("entropy: negative value " + entropy[i][t] + " at row " + i + ", column " + t);
                b[i][t] = beta * entropy[i][t];
            }
        return b;
    }
}
