package org.verl4j.trainer;

import org.verl4j.rl.AdvantageEstimator;
import org.verl4j.rl.DrGrpo;
import org.verl4j.rl.Gae;
import org.verl4j.rl.Grpo;
import org.verl4j.rl.ReinforcePlusPlus;
import org.verl4j.rl.Rloo;

/** The advantage estimators {@code verl4j train} offers (ALGORITHM.md §8), by their command-line names. */
public enum Algorithm {
    GRPO("grpo"), DRGRPO("drgrpo"), PPO_GAE("ppo-gae"), RLOO("rloo"), REINFORCE_PLUS_PLUS("reinforce++");

    private final String label;

    Algorithm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for the one estimator that needs a critic. */
    public boolean needsCritic() {
        return this == PPO_GAE;
    }

    /** The estimator (GAE with γ = λ = 1, the authors' PPO runs). */
    public AdvantageEstimator estimator() {
        return switch (this) {
            case GRPO -> new Grpo();
            case DRGRPO -> new DrGrpo();
            case PPO_GAE -> new Gae();
            case RLOO -> new Rloo();
            case REINFORCE_PLUS_PLUS -> new ReinforcePlusPlus();
        };
    }

    /** The estimator labelled {@code label}; throws naming the choices otherwise. */
    public static Algorithm named(String label) {
        return TrainerKeys.ALGORITHM.parse(label);
    }
}
