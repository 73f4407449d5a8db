package org.verl4j.commandline;

import org.verl4j.eval.EvalSources;
import org.verl4j.eval.EvalItem;
import org.verl4j.rollout.PromptFormat;
import org.verl4j.rollout.SamplingConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an evaluation samples and grades (ALGORITHM.md §9): the benchmarks, template, sampling and grading deadline — the
 * options shared, as a picocli mixin, by {@code verl4j eval} and the Spark eval job, so both evaluate the same items
 * the same way with the defaults stated here only. Sampling defaults are the paper's (n 16, T 0.6, top-p 0.95,
 * 1024 new tokens).
 */
public final class EvalOptions {

    static final SamplingConfig PAPER = SamplingConfig.DEFAULTS.withN(16).withTemperature(0.6).withTopP(0.95).withMaxNewTokens(1024);

    @Option(names = "--benchmark", required = true, paramLabel = "NAME|FILE", description = "Benchmark or task split (repeatable).")
    List<String> benchmarks;

    @Option(names = "--data", defaultValue = "benchmarks-data", paramLabel = "DIR",
            description = "Where NAME/test.jsonl is looked up (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--template", defaultValue = "qwen-boxed", paramLabel = "T",
            description = "plain | abel | qwen-boxed | chat (default ${DEFAULT-VALUE}).")
    String template;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "K", description = "First K problems of each (0 = all).")
    int limit;

    @Option(names = "--grader-threads", defaultValue = "2", paramLabel = "N", description = "Grading threads (default ${DEFAULT-VALUE}).")
    int graderThreads;

    @Option(names = "--timeout-ms", defaultValue = "5000", paramLabel = "MS", description = "Per-response grading deadline (default ${DEFAULT-VALUE}).")
    long timeoutMillis;

    @Mixin
    SamplingOptions sampling;

    /** Every benchmark's items, benchmarks in argument order ({@link EvalSources#resolve}). */
    public List<EvalItem> items() {
        List<EvalItem> items = new ArrayList<>();
        for (String b : benchmarks) items.addAll(EvalSources.resolve(b, data, limit));
        return items;
    }

    public PromptFormat format() {
        return PromptFormat.named(template);
    }

    /** The sampling options over the paper's defaults. */
    public SamplingConfig sampling() {
        return sampling.config(PAPER);
    }

    public int graderThreads() {
        if (graderThreads < 1) throw new IllegalArgumentException("--grader-threads must be ≥ 1, got " + graderThreads);
        return graderThreads;
    }

    public long timeoutMillis() {
        if (timeoutMillis < 1) throw new IllegalArgumentException("--timeout-ms must be ≥ 1, got " + timeoutMillis);
        return timeoutMillis;
    }
}
