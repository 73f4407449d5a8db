package org.verl4j.rl;

/**
 * GRPO outcome advantage (ALGORITHM.md §8; verl {@code compute_grpo_outcome_advantage}).
 *
 * <pre>
 * s_i = Σ_t r[i][t]                          (valid tokens)
 * A_i = (s_i − mean_g) / (std_g + ε)         ε = 1e-6 added to the Bessel std
 * A[i][t] = A_i on valid tokens, 0 elsewhere; returns = advantages
 * </pre>
 * Group of one: mean 0, std 1, so A_i = s_i/(1 + ε). A group whose scores are all equal gets A = 0.
 *
 * @param epsilon ε of the denominator (1e-6)
 */
public record Grpo(double epsilon) implements AdvantageEstimator {

    /** ε = 1e-6 as in verl. */
    public static final double EPSILON = 1e-6;

    public Grpo {
        if (!(epsilon >= 0) || !Double.isFinite(epsilon))
            throw new IllegalArgumentException("GRPO epsilon must be finite and ≥ 0, got " + epsilon);
    }

    /** GRPO with ε = 1e-6. */
    public Grpo() {
        this(EPSILON);
    }

    /** Per-response A_i from outcome scores and group ids. */
    public double[] perResponse(double[] s, int[] groupIds) {
        double[] a = new double[s.length];
        for (int[] g : GroupBaseline.groups(groupIds)) {
            double mean = GroupBaseline.mean(s, g);                 // mean_g
            double sigma = GroupBaseline.std(s, g);                 // std_g (Bessel)
            for (int i : g) a[i] = (s[i] - mean) / (sigma + epsilon);
        }
        return a;
    }

    @Override
    public Advantages estimate(TokenBatch batch) {
        double[][] a = TokenMask.broadcast(perResponse(GroupBaseline.scores(batch), batch.groupIds()), batch.mask());
        return Advantages.outcome(a);
    }
}
