package org.verl4j.trainstep;

import org.verl4j.rl.ActorLoss;

/**
 * Every hyperparameter of one optimizer step, in one place: the objective with its loss settings (for PPO: clip
 * ε_low/ε_high, dual clip c, entropy coefficient c_H, KL coefficient β, KL estimator, aggregation — an
 * {@link ActorLoss}), AdamW with the global-norm clip ({@link AdamWConfig}), the learning-rate schedule
 * ({@link LrSchedule}) and K, the micro-batches per step:
 * <pre>
 * g = Σ_k (1/K)·∇θ L_k          k = 1 … K
 * θ, m, v ← AdamW(θ, m, v, clip(g), t + 1)   at lr(t + 1) = lr·f(t + 1)
 * </pre>
 * The step graph's scalar inputs are derived from it ({@link StepInputs}); nothing else feeds them.
 *
 * <p>{@link #DEFAULTS} states no number of its own: it takes {@code ActorLoss.defaults()},
 * {@link AdamWConfig#defaults()}, {@link LrSchedule#CONSTANT} and K = 1 (the trainer's own values are in
 * {@code trainer.TrainerKeys}).
 *
 * @param objective    the loss and its hyperparameters
 * @param optimizer    AdamW and gradient clipping
 * @param microBatches K ≥ 1, micro-batches per optimizer step, each weighted 1/K
 * @param schedule     lr(t) as a factor of {@code optimizer.lr()}
 */
public record StepConfig(Objective objective, AdamWConfig optimizer, int microBatches, LrSchedule schedule) {

    /** PPO actor loss, AdamW and one micro-batch per step, all at their records' defaults. */
    public static final StepConfig DEFAULTS = new StepConfig(new Objective.Policy(ActorLoss.defaults()),
            AdamWConfig.defaults(), 1, LrSchedule.CONSTANT);

    public StepConfig {
        if (objective == null) throw new IllegalArgumentException("StepConfig: objective is required");
        if (optimizer == null) throw new IllegalArgumentException("StepConfig: optimizer is required");
        if (microBatches < 1) throw new IllegalArgumentException("StepConfig: microBatches must be ≥ 1, got " + microBatches);
        if (schedule == null) throw new IllegalArgumentException("StepConfig: schedule is required");
    }

    /** A constant learning rate ({@link LrSchedule#CONSTANT}). */
    public StepConfig(Objective objective, AdamWConfig optimizer, int microBatches) {
        this(objective, optimizer, microBatches, LrSchedule.CONSTANT);
    }

    /** AdamW's settings for update t ≥ 1: {@code optimizer()} at lr(t). */
    public AdamWConfig optimizerAt(long t) {
        return optimizer.withLr(schedule.lr(optimizer.lr(), t));
    }

    /** The same configuration minimising {@code o}. */
    public StepConfig withObjective(Objective o) {
        return new StepConfig(o, optimizer, microBatches, schedule);
    }

    /** The same configuration with the PPO actor loss {@code loss}. */
    public StepConfig withActorLoss(ActorLoss loss) {
        return withObjective(new Objective.Policy(loss));
    }

    /** The same configuration with optimizer settings {@code o}. */
    public StepConfig withOptimizer(AdamWConfig o) {
        return new StepConfig(objective, o, microBatches, schedule);
    }

    /** The same configuration with K micro-batches per step. */
    public StepConfig withMicroBatches(int k) {
        return new StepConfig(objective, optimizer, k, schedule);
    }

    /** The same configuration with learning-rate schedule {@code s}. */
    public StepConfig withSchedule(LrSchedule s) {
        return new StepConfig(objective, optimizer, microBatches, s);
    }
}
