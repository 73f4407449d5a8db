package org.verl4j.rl;

/**
 * Advantage estimators over token-level rewards (ALGORITHM.md §8), one small class each. All share the contract:
 * output shape [B][T] equals the input's, 0 at masked positions, finite, and computed from valid positions
 * only. Named after verl's {@code adv_estimator} values, but chosen by type, not by string.
 */
public sealed interface AdvantageEstimator
        permits Grpo, DrGrpo, Rloo, ReinforcePlusPlus, ReinforcePlusPlusBaseline, Gae {

    /** Advantages and returns of a batch. */
    Advantages estimate(TokenBatch batch);
}
