package org.verl4j.rollout;

/**
 * Where the last {@link RolloutEngine#generate} call spent its time (nanoseconds): ONNX Runtime runs (forward and
 * KV re-batching), waiting for the metric threads after decoding ended, and the whole call; the rest is Java-side
 * work (sampling, bookkeeping). {@code rowSteps} counts row × token positions run through the graph (what
 * compaction saves), {@code tokens} the response tokens produced.
 */
public final class RolloutTimings {

    long ortNanos, metricWaitNanos, totalNanos, rowSteps, tokens;

    public double ortSeconds() {
        return ortNanos / 1e9;
    }

    public double metricWaitSeconds() {
        return metricWaitNanos / 1e9;
    }

    public double totalSeconds() {
        return totalNanos / 1e9;
    }

    /** Java-side time: total − ORT − waiting for metrics. */
    public double javaSeconds() {
        return (totalNanos - ortNanos - metricWaitNanos) / 1e9;
    }

    public long rowSteps() {
        return rowSteps;
    }

    public long tokens() {
        return tokens;
    }
}
