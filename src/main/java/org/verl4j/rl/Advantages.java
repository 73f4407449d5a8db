package org.verl4j.rl;

/**
 * Output of an advantage estimator (spec §8): per-token advantages and returns, both [B][T] and 0 at masked
 * positions. Outcome estimators (GRPO, RLOO, …) return the advantages as returns, as verl does.
 *
 * @param advantages A[i][t]
 * @param returns    the critic's regression target (GAE), or the advantages
 */
public record Advantages(double[][] advantages, double[][] returns) {
}
