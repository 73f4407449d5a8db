package org.verl4j.trainstep;

import org.verl4j.rl.ActorLoss;
import org.verl4j.rl.LossAggregation;
import org.verl4j.rl.ValueLoss;

/**
 * What a train-step graph minimises, with its loss hyperparameters; the forward's output is logits for a policy/SFT,
 * values for a critic. The structure (aggregation, KL estimator, dual clip present or not) is fixed when the graph
 * is built; the numbers (ε_low, ε_high, c, c_H, β, value clip) are fed as scalar inputs derived by
 * {@link StepInputs#objective}.
 */
public sealed interface Objective {

    /** PPO actor loss with entropy bonus and KL-in-loss, as {@link ActorLoss}. */
    record Policy(ActorLoss loss) implements Objective {
        public Policy {
            if (loss == null) throw new IllegalArgumentException("the policy objective needs an ActorLoss");
        }
    }

    /** Cross entropy on response tokens: {@code L = aggregate(−log π(y_t))}. */
    record Sft(LossAggregation aggregation) implements Objective {
        public Sft {
            if (aggregation == null) throw new IllegalArgumentException("the SFT objective needs an aggregation");
        }
    }

    /** Value-head critic loss with value clipping, as {@link ValueLoss}. */
    record Critic(ValueLoss loss) implements Objective {
        public Critic {
            if (loss == null) throw new IllegalArgumentException("the critic objective needs a ValueLoss");
        }
    }
}
