package org.verl4j.rl;

/**
 * RLOO outcome advantage (verl {@code compute_rloo_outcome_advantage}): leave-one-out baseline.
 *
 * <pre>
 * A_i = s_i − (1/(n−1)) Σ_{j∈g, j≠i} s_j  =  n/(n−1) · (s_i − mean_g)      (n ≥ 2, computed in verl's form)
 * group of one: A_i = s_i
 * </pre>
 */
public record Rloo() implements AdvantageEstimator {

    /** Per-response A_i from outcome scores and group ids. */
    public double[] perResponse(double[] s, int[] groupIds) {
        double[] a = new double[s.length];
        for (int[] g : GroupBaseline.groups(groupIds)) {
            int n = g.length;
            if (n == 1) {
                a[g[0]] = s[g[0]];
                continue;
            }
            double mean = GroupBaseline.mean(s, g);
            for (int i : g) a[i] = s[i] * n / (n - 1) - mean * n / (n - 1);
        }
        return a;
    }

    @Override
    public Advantages estimate(TokenBatch batch) {
        double[][] a = TokenMask.broadcast(perResponse(GroupBaseline.scores(batch), batch.groupIds()), batch.mask());
        return Advantages.outcome(a);
    }
}
