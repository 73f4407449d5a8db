package org.verl4j.trainstep;

/**
 * The learning rate of AdamW update t (1 on the first update), as a factor of the configured rate:
 * lr(t) = lr·f(t). With W warmup updates, T updates in all and floor r = min-lr ratio:
 * <pre>
 * warmup     f(t) = t / W                                  1 ≤ t ≤ W   (linear from 0; f(W) = 1)
 * Constant   f(t) = 1                                      t &gt; W
 * Linear     f(t) = r + (1 − r)·(1 − p)                    t &gt; W,  p = min(1, (t − W)/(T − W))
 * Cosine     f(t) = r + (1 − r)·½(1 + cos πp)              t &gt; W
 * </pre>
 * so a decay reaches r·lr at t = T and stays there. This is Hugging Face's
 * {@code get_{constant,linear,cosine}_schedule_with_warmup} (with verl's min-lr ratio on the cosine) evaluated after
 * the step count is incremented: their lambda(s) is applied to the update after s updates, so their first update
 * runs at lr 0; here the first update runs at lr/W. f depends only on t, the update count a checkpoint saves, so a
 * resumed run follows the same rates. Without warmup, {@link Constant} gives f ≡ 1.0 and lr(t) = lr bit for bit.
 */
public sealed interface LrSchedule {

    /** A constant rate, no warmup: the default. */
    LrSchedule CONSTANT = new Constant(0);

    /** The three shapes, as a configuration names them. */
    enum Kind {
        CONSTANT, LINEAR, COSINE;

        /** This shape with W warmup updates; T and r apply to the decays (a constant rate ignores them). */
        public LrSchedule of(long warmupSteps, long totalSteps, double minRatio) {
            return switch (this) {
                case CONSTANT -> new Constant(warmupSteps);
                case LINEAR -> new Linear(warmupSteps, totalSteps, minRatio);
                case COSINE -> new Cosine(warmupSteps, totalSteps, minRatio);
            };
        }
    }

    /** f(t) for update t ≥ 1 (table above). */
    double factor(long t);

    /** lr(t) = lr·f(t); exactly {@code lr} where f(t) = 1. */
    default double lr(double lr, long t) {
        return lr * factor(t);
    }

    /** @param warmupSteps W ≥ 0 updates of linear warmup, then the full rate */
    record Constant(long warmupSteps) implements LrSchedule {
        public Constant {
            requireWarmup(warmupSteps);
        }

        @Override
        public double factor(long t) {
            requireUpdate(t);
            return t < warmupSteps ? (double) t / warmupSteps : 1.0;
        }
    }

    /**
     * @param warmupSteps W ≥ 0
     * @param totalSteps  T &gt; W, the update at which the rate reaches r·lr
     * @param minRatio    r in [0, 1]
     */
    record Linear(long warmupSteps, long totalSteps, double minRatio) implements LrSchedule {
        public Linear {
            requireDecay(warmupSteps, totalSteps, minRatio);
        }

        @Override
        public double factor(long t) {
            requireUpdate(t);
            if (t < warmupSteps) return (double) t / warmupSteps;
            return minRatio + (1 - minRatio) * (1 - progress(t, warmupSteps, totalSteps));
        }
    }

    /** Parameters as {@link Linear}; the decay follows half a cosine period. */
    record Cosine(long warmupSteps, long totalSteps, double minRatio) implements LrSchedule {
        public Cosine {
            requireDecay(warmupSteps, totalSteps, minRatio);
        }

        @Override
        public double factor(long t) {
            requireUpdate(t);
            if (t < warmupSteps) return (double) t / warmupSteps;
            return minRatio + (1 - minRatio) * 0.5 * (1 + Math.cos(Math.PI * progress(t, warmupSteps, totalSteps)));
        }
    }

    /** p = min(1, (t − W)/(T − W)) for t ≥ W. */
    private static double progress(long t, long w, long total) {
        return Math.min(1.0, (double) (t - w) / (total - w));
    }

    private static void requireUpdate(long t) {
        if (t < 1) throw new IllegalArgumentException("the update count t starts at 1, got " + t);
    }

    private static void requireWarmup(long w) {
        if (w < 0) throw new IllegalArgumentException("warmup steps must be ≥ 0, got " + w);
    }

    private static void requireDecay(long w, long total, double r) {
        requireWarmup(w);
        if (total <= w)
            throw new IllegalArgumentException("a decaying schedule needs more updates (" + total + ") than warmup steps ("
                    + w + ")");
        if (!(r >= 0 && r <= 1)) throw new IllegalArgumentException("min-lr ratio must be in [0, 1], got " + r);
    }
}
