package org.verl4j.rollout;

import org.verl4j.graph.OrtRunner;
import org.verl4j.rank.RankOptions;

import java.io.Serializable;

/**
 * How a {@link RolloutEngine} runs. Defaults in one place: {@link #cpu(int)}.
 *
 * @param ort           ONNX Runtime session options (device, intra-op threads)
 * @param metricThreads threads computing ER/ERV/ERA as responses finish (≥ 1)
 * @param rank          the windowed-rank options of the metrics (ALGORITHM.md §3)
 * @param retention     what each {@link Rollout} keeps of its hidden states
 * @param compaction    whether finished rows leave the batch
 * @param capture       which hidden states make Z (final norm by default, ALGORITHM.md §1)
 */
public record EngineOptions(OrtRunner.Options ort, int metricThreads, RankOptions rank, Retention retention,
                            Compaction compaction, Capture capture) implements Serializable {

    /**
     * What a {@link Rollout} keeps of its hidden states Z after their metrics are computed: nothing; only the mean
     * row z = (1/T) Σ_t Z[t] (ALGORITHM.md §4's input, d values — what the trainer's dataset-level rank needs); or Z and z.
     */
    public enum Retention { DISCARD, MEAN_ROW, KEEP }

    /** What happens to a finished row: it leaves the batch (its KV cache rows dropped), or it keeps decoding padding. */
    public enum Compaction { COMPACT, KEEP_ROWS }

    public EngineOptions {
        if (metricThreads < 1) throw new IllegalArgumentException("metric threads must be ≥ 1, got " + metricThreads);
        if (ort == null || rank == null || retention == null || compaction == null || capture == null)
            throw new IllegalArgumentException("engine options must not be null");
    }

    /**
     * CPU with {@code threads} ORT threads, one metric thread, {@link RankOptions#DEFAULTS}, Z discarded, compaction
     * on, Z from the final norm.
     */
    public static EngineOptions cpu(int threads) {
        return new EngineOptions(OrtRunner.Options.cpu(threads), 1, RankOptions.DEFAULTS, Retention.DISCARD,
                Compaction.COMPACT, Capture.FINAL_NORM);
    }

    public EngineOptions withOrt(OrtRunner.Options o) {
        return new EngineOptions(o, metricThreads, rank, retention, compaction, capture);
    }

    public EngineOptions withMetricThreads(int n) {
        return new EngineOptions(ort, n, rank, retention, compaction, capture);
    }

    public EngineOptions withRank(RankOptions r) {
        return new EngineOptions(ort, metricThreads, r, retention, compaction, capture);
    }

    public EngineOptions withRetention(Retention r) {
        return new EngineOptions(ort, metricThreads, rank, r, compaction, capture);
    }

    public EngineOptions withCompaction(Compaction c) {
        return new EngineOptions(ort, metricThreads, rank, retention, c, capture);
    }

    public EngineOptions withCapture(Capture c) {
        return new EngineOptions(ort, metricThreads, rank, retention, compaction, c);
    }
}
