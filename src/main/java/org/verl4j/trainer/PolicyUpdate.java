package org.verl4j.trainer;

import org.verl4j.graph.ElementType;
import org.verl4j.trainstep.LossScalars;
import org.verl4j.trainstep.TrainStep;

import java.util.ArrayList;
import java.util.List;

/**
 * The PPO update of one training step (ALGORITHM.md §8; verl's actor update): the {@link UpdateLoop} over the step's
 * responses. Old log-probs are the rollout's; the first micro-batch of the first optimizer step runs the same θ that
 * sampled, so its {@code ppo_kl} = mean(log π_old − log π_train) measures the rollout-vs-train log-prob gap. A
 * non-finite loss or gradient norm stops the run ({@link TrainingDiverged}).
 */
public final class PolicyUpdate {

    private PolicyUpdate() {
    }

    /** Runs the update; the record's means are over every micro-batch (losses …) and optimizer step (grad norm). */
    public static StepRecord.Update run(TrainStep actor, PpoBatch batch, TrainerConfig config, long stepSeed, int step) {
        List<LossScalars.Policy> micro = new ArrayList<>();
        List<TrainStep.Result> updates = UpdateLoop.run(actor, batch.size(), config, stepSeed,
                rows -> batch.feed(rows, ElementType.FLOAT), (r, epoch, miniBatch) -> {
                    List<LossScalars.Policy> scalars = r.microBatches(LossScalars.Policy.class);
                    for (int k = 0; k < scalars.size(); k++)
                        if (!Double.isFinite(scalars.get(k).loss()))
                            throw new TrainingDiverged("step " + step + ": the loss is " + scalars.get(k).loss() + " (epoch "
                                    + epoch + ", mini-batch " + miniBatch + ", micro-batch " + (k + 1) + ")");
                    if (r.skipped())
                        throw new TrainingDiverged("step " + step + ": the gradient norm is " + r.gradNorm() + " (epoch "
                                + epoch + ", mini-batch " + miniBatch + ")");
                    micro.addAll(scalars);
                });
        LossScalars.Policy mean = new LossScalars.Policy(UpdateLoop.mean(micro, LossScalars.Policy::loss),
                UpdateLoop.mean(micro, LossScalars.Policy::pgLoss), UpdateLoop.mean(micro, LossScalars.Policy::clipFraction),
                UpdateLoop.mean(micro, LossScalars.Policy::clipFractionLower), UpdateLoop.mean(micro, LossScalars.Policy::ppoKl),
                UpdateLoop.mean(micro, LossScalars.Policy::entropy), UpdateLoop.mean(micro, LossScalars.Policy::kl));
        return new StepRecord.Update(mean, UpdateLoop.mean(updates, TrainStep.Result::gradNorm),
                updates.get(updates.size() - 1).lr(), micro.get(0).ppoKl());
    }
}
