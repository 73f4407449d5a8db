package org.verl4j.rl;

/**
 * How a per-token loss matrix ℓ[B][T] becomes one number (ALGORITHM.md §8; verl {@code agg_loss}), over valid tokens m.
 *
 * <pre>
 * TOKEN_MEAN            L = Σ_i Σ_t m·ℓ / Σ_i Σ_t m                     (default)
 * SEQ_MEAN_TOKEN_SUM    L = (1/B) Σ_i Σ_t m·ℓ
 * SEQ_MEAN_TOKEN_MEAN   L = (1/B) Σ_i (Σ_t m·ℓ / Σ_t m)
 * </pre>
 * Difference from later verl, on purpose: its token-mean (and every diagnostic mean, {@code masked_mean}) divides by
 * N + 1e-8 (the authors' older fork divides by N), and some verl versions divide seq-mean-token-mean's rows by n_i + 1e-8; masks here never have empty
 * rows, so no ε is needed and none is added: L is the plain mean (relative difference ≤ 1e-8/N resp. 1e-8/n_i).
 */
public enum LossAggregation {
    TOKEN_MEAN, SEQ_MEAN_TOKEN_SUM, SEQ_MEAN_TOKEN_MEAN;

    /** L of the loss matrix over the valid tokens. */
    public double aggregate(double[][] loss, boolean[][] mask) {
        double total = 0, sequences = 0;
        long tokens = 0;
        for (int i = 0; i < loss.length; i++) {
            double rowSum = 0;
            int rowTokens = 0;
            for (int t = 0; t < loss[i].length; t++)
                if (mask[i][t]) { rowSum += loss[i][t]; total += loss[i][t]; rowTokens++; }
            tokens += rowTokens;
            sequences += this == SEQ_MEAN_TOKEN_MEAN ? rowSum / rowTokens : rowSum;
        }
        return switch (this) {
            case TOKEN_MEAN -> total / tokens;
            case SEQ_MEAN_TOKEN_SUM, SEQ_MEAN_TOKEN_MEAN -> sequences / loss.length;
        };
    }

    /**
     * ∂L/∂ℓ[i][t]: the weight of each token in L (0 at masked positions). TOKEN_MEAN 1/N, SEQ_MEAN_TOKEN_SUM 1/B,
     * SEQ_MEAN_TOKEN_MEAN 1/(B·n_i), with N valid tokens in the batch and n_i in row i.
     */
    public double[][] weights(boolean[][] mask) {
        long tokens = 0;
        for (boolean[] row : mask) tokens += TokenMask.validCount(row);
        double[][] w = new double[mask.length][mask[0].length];
        for (int i = 0; i < mask.length; i++) {
            int n = TokenMask.validCount(mask[i]);
            double wi = switch (this) {
                case TOKEN_MEAN -> 1.0 / tokens;
                case SEQ_MEAN_TOKEN_SUM -> 1.0 / mask.length;
                case SEQ_MEAN_TOKEN_MEAN -> 1.0 / ((double) mask.length * n);
            };
            for (int t = 0; t < mask[i].length; t++) if (mask[i][t]) w[i][t] = wi;
        }
        return w;
    }

    /** The plain masked mean Σ m·x / Σ m (used for diagnostics whatever the loss aggregation). */
    public static double maskedMean(double[][] x, boolean[][] mask) {
        return TOKEN_MEAN.aggregate(x, mask);
    }
}
