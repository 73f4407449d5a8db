package org.verl4j.trainer;

/**
 * The learning rate of optimizer step u (0-based) of a run of {@code steps} training steps.
 * <pre>
 * warm-up  u &lt; W:   lr(u) = lr·(u + 1)/W
 * constant          lr(u) = lr
 * cosine            lr(u) = lr·½·(1 + cos(π·(u − W)/(steps − W)))      (reaches 0 at the last step)
 * </pre>
 * Training steps, not optimizer steps, drive the schedule (every mini-batch of one step shares its rate).
 *
 * @param shape  constant or cosine
 * @param warmup W ≥ 0
 * @param steps  total training steps
 */
public record LrSchedule(Shape shape, int warmup, int steps) {

    public enum Shape { CONSTANT, COSINE }

    public LrSchedule {
        if (warmup < 0) throw new IllegalArgumentException("optim.warmup_steps must be ≥ 0, got " + warmup);
    }

    /** The factor lr(u)/lr at training step u. */
    public double factor(int u) {
        if (u < warmup) return (u + 1.0) / warmup;
        if (shape == Shape.CONSTANT || steps <= warmup) return 1.0;
        return 0.5 * (1 + Math.cos(Math.PI * (u - warmup) / (double) (steps - warmup)));
    }
}
