package org.verl4j.rl;

/**
 * REINFORCE++ advantage (verl {@code compute_reinforce_plus_plus_outcome_advantage}).
 *
 * <pre>
 * G_t = r_t + γ·G_{t'}      t' = the next valid token of the response (G = 0 after the last one)
 * A   = whiten(G) over the valid tokens of the batch;  returns = G
 * </pre>
 * verl runs the recursion over every position and resets it at masked ones; iterating over valid tokens only
 * gives the same numbers for the usual prefix masks and keeps masked positions out of everything.
 *
 * @param gamma γ, in [0, 1]
 */
public record ReinforcePlusPlus(double gamma) implements AdvantageEstimator {

    public ReinforcePlusPlus {
        if (!(gamma >= 0 && gamma <= 1)) throw new IllegalArgumentException("REINFORCE++ gamma must be in [0, 1], got " + gamma);
    }

    /** γ = 1. */
    public ReinforcePlusPlus() {
        this(1.0);
    }

    @Override
    public Advantages estimate(TokenBatch batch) {
        double[][] r = batch.rewards();
        boolean[][] m = batch.mask();
        double[][] g = new double[r.length][r[0].length];
        for (int i = 0; i < r.length; i++) {
            double running = 0;
            for (int t = r[i].length - 1; t >= 0; t--) {
                if (!m[i][t]) continue;
                running = r[i][t] + gamma * running;                   // G_t
                g[i][t] = running;
            }
        }
        return Advantages.withReturns(MaskedWhitening.whiten(g, m), g);
    }
}
