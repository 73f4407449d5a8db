package org.verl4j.sft;

import org.verl4j.rl.LossAggregation;
import org.verl4j.trainstep.AdamWConfig;

/**
 * The settings of one SFT run; {@link #DEFAULTS} is the one place their defaults are stated (the CLI falls back to
 * it for every option left out).
 *
 * @param steps       optimizer steps (≥ 1)
 * @param batchSize   examples per step (≥ 1), one micro-batch
 * @param optimizer   AdamW and global-norm clipping, constant learning rate
 * @param aggregation how token losses −log π(y_t) become the loss ({@link LossAggregation})
 * @param seed        seed of the data order: each epoch is a {@code java.util.Random(seed)} shuffle, and batches
 *                    are consecutive runs of that order (crossing epoch boundaries)
 */
public record SftConfig(int steps, int batchSize, AdamWConfig optimizer, LossAggregation aggregation, long seed) {

    /**
     * 600 steps of 32 examples, AdamW lr 1e-3, β (0.9, 0.99), ε 1e-8, no weight decay, clip 1.0, token-mean
     * loss, seed 1: what trains a tiny char-level Llama from scratch in minutes on 2 cores.
     */
    public static final SftConfig DEFAULTS = new SftConfig(Defaults.STEPS, Defaults.BATCH,
            new AdamWConfig(Defaults.LR, 0.9, 0.99, 1e-8, 0.0, 1.0), LossAggregation.TOKEN_MEAN, Defaults.SEED);

    /** The defaults of {@link #DEFAULTS} as compile-time constants, so that option help can quote them. */
    public static final class Defaults {
        public static final int STEPS = 600, BATCH = 32;
        public static final double LR = 1e-3;
        public static final long SEED = 1;

        private Defaults() {
        }
    }

    public SftConfig {
        if (steps < 1) throw new IllegalArgumentException("steps must be ≥ 1, got " + steps);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        if (optimizer == null || aggregation == null) throw new IllegalArgumentException("optimizer and aggregation must be given");
    }

    public SftConfig withSteps(int n) {
        return new SftConfig(n, batchSize, optimizer, aggregation, seed);
    }

    public SftConfig withBatchSize(int n) {
        return new SftConfig(steps, n, optimizer, aggregation, seed);
    }

    public SftConfig withLearningRate(double lr) {
        AdamWConfig o = optimizer;
        return new SftConfig(steps, batchSize, new AdamWConfig(lr, o.beta1(), o.beta2(), o.eps(), o.weightDecay(),
                o.maxGradNorm()), aggregation, seed);
    }

    public SftConfig withSeed(long s) {
        return new SftConfig(steps, batchSize, optimizer, aggregation, s);
    }
}
