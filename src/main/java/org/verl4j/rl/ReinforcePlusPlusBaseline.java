package org.verl4j.rl;

/**
 * REINFORCE++ with a group baseline (verl {@code compute_reinforce_plus_plus_baseline_outcome_advantage}).
 *
 * <pre>
 * A_i = s_i − mean_g        (group of one: mean 0), broadcast over valid tokens
 * A   = whiten(A) over the valid tokens of the batch;  returns = A
 * </pre>
 */
public record ReinforcePlusPlusBaseline() implements AdvantageEstimator {

    @Override
    public Advantages estimate(TokenBatch batch) {
        double[] centred = new DrGrpo().perResponse(GroupBaseline.scores(batch), batch.groupIds());
        double[][] a = MaskedWhitening.whiten(TokenMask.broadcast(centred, batch.mask()), batch.mask());
        return Advantages.outcome(a);
    }
}
