package org.verl4j.train;

import org.verl4j.rl.ActorLoss;
import org.verl4j.rl.LossAggregation;

/** What a train-step graph minimises; the forward's output is logits for a policy/SFT, values for a critic. */
public sealed interface Objective {

    /** PPO actor loss with entropy bonus and KL-in-loss, as {@link ActorLoss} (its numbers become inputs). */
    record Policy(ActorLoss structure) implements Objective {
    }

    /** Cross entropy on response tokens: {@code L = aggregate(−log π(y_t))}. */
    record Sft(LossAggregation aggregation) implements Objective {
    }

    /** Value-head critic loss with value clipping, as {@code ValueLoss} (clip range is an input). */
    record Critic(LossAggregation aggregation) implements Objective {
    }
}
