package org.verl4j.rl;

/**
 * Generalised advantage estimation with a critic (ALGORITHM.md §8; verl {@code compute_gae_advantage_return}).
 *
 * <pre>
 * δ_t   = r_t + γ·V_{t'} − V_t          t' = next valid token (V_{t'} = 0 after the last one)
 * Â_t   = δ_t + γλ·Â_{t'}
 * R_t   = Â_t + V_t                      returns (the critic's target), before whitening
 * A     = whiten(Â) over the valid tokens of the batch
 * </pre>
 * Authors' defaults γ = λ = 1. The recursion skips masked positions (verl's current masked form). Padded
 * positions hold 0 in both outputs; verl leaves R = V and the whitened −μ/σ there (never read by its masked
 * losses, but visible to anyone who sums the raw tensors).
 *
 * @param gamma  γ ∈ [0, 1]
 * @param lambda λ ∈ [0, 1]
 */
public record Gae(double gamma, double lambda) implements AdvantageEstimator {

    public Gae {
        if (!(gamma >= 0 && gamma <= 1)) throw new IllegalArgumentException("GAE gamma must be in [0, 1], got " + gamma);
        if (!(lambda >= 0 && lambda <= 1)) throw new IllegalArgumentException("GAE lambda must be in [0, 1], got " + lambda);
    }

    /** γ = λ = 1 (the authors' PPO runs). */
    public Gae() {
        this(1.0, 1.0);
    }

    @Override
    public Advantages estimate(TokenBatch batch) {
        double[][] v = batch.values();
        if (v == null) throw new IllegalArgumentException("GAE needs critic values: the batch has none (TokenBatch.withValues)");
        double[][] r = batch.rewards();
        boolean[][] m = batch.mask();
        double[][] adv = new double[r.length][r[0].length];
        double[][] returns = new double[r.length][r[0].length];
        for (int i = 0; i < r.length; i++) {
            double nextValue = 0, lastGae = 0;
            for (int t = r[i].length - 1; t >= 0; t--) {
                if (!m[i][t]) continue;
                double delta = r[i][t] + gamma * nextValue - v[i][t];      // δ_t
                lastGae = delta + gamma * lambda * lastGae;                // Â_t
                adv[i][t] = lastGae;
                returns[i][t] = lastGae + v[i][t];                         // R_t
                nextValue = v[i][t];
            }
        }
        return Advantages.withReturns(MaskedWhitening.whiten(adv, m), returns);
    }
}
