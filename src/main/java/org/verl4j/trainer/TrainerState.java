package org.verl4j.trainer;

import org.verl4j.trainstep.TrainStep;

import org.verl4j.shaping.ControllerState;

import java.util.Optional;

/**
 * Everything a run needs to continue exactly after {@code step} training steps. The sampler needs no state of its
 * own: step u samples with the seed {@link DataCursor#samplingSeed(long, int)} of (run seed, u), so the step count
 * is its state; the data cursor counts the training prompts consumed.
 *
 * @param step       training steps completed
 * @param dataCursor training prompts consumed so far (position in the seeded stream of {@link DataCursor})
 * @param controller the VERL controller state (ALGORITHM.md §6)
 * @param actor      the policy's θ and AdamW state
 * @param critic     the critic's, for ppo-gae
 */
public record TrainerState(int step, long dataCursor, ControllerState controller, TrainStep.State actor,
                           Optional<TrainStep.State> critic) {

    public TrainerState {
        if (step < 0 || dataCursor < 0) throw new IllegalArgumentException("step and data cursor must be ≥ 0, got " + step + ", " + dataCursor);
        if (controller == null || actor == null || critic == null) throw new IllegalArgumentException("controller and actor state are required");
    }
}
