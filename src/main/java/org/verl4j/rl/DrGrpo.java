package org.verl4j.rl;

/**
 * Dr.GRPO outcome advantage (ALGORITHM.md §8): GRPO without the std division.
 *
 * <pre>
 * A_i = s_i − mean_g          group of one: mean 0, so A_i = s_i
 * </pre>
 * (The token-sum aggregation Dr.GRPO also recommends is a {@link LossAggregation} choice, not part of this.)
 */
public record DrGrpo() implements AdvantageEstimator {

    /** Per-response A_i from outcome scores and group ids. */
    public double[] perResponse(double[] s, int[] groupIds) {
        double[] a = new double[s.length];
        for (int[] g : GroupBaseline.groups(groupIds)) {
            double mean = GroupBaseline.mean(s, g);
            for (int i : g) a[i] = s[i] - mean;
        }
        return a;
    }

    @Override
    public Advantages estimate(TokenBatch batch) {
        double[][] a = TokenMask.broadcast(perResponse(GroupBaseline.scores(batch), batch.groupIds()), batch.mask());
        return Advantages.outcome(a);
    }
}
