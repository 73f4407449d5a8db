package org.verl4j.commandline;

import org.verl4j.rollout.SamplingConfig;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The sampling options shared by {@code generate} and {@code eval} (a picocli mixin). Unset options take
 * {@link SamplingConfig#DEFAULTS}, or the command's own defaults passed to {@link #config}.
 */
public final class SamplingOptions {

    @Option(names = "--n", paramLabel = "N", description = "Samples per prompt.")
    Integer n;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (0 = greedy).")
    Double temperature;

    @Option(names = "--top-p", paramLabel = "P", description = "Nucleus mass in (0, 1].")
    Double topP;

    @Option(names = "--top-k", paramLabel = "K", description = "Keep the K most probable ids (0 = off).")
    Integer topK;

    @Option(names = "--min-p", paramLabel = "M", description = "Keep ids with q ≥ M·max q (0 = off).")
    Double minP;

    @Option(names = "--max-new-tokens", paramLabel = "N", description = "Tokens per response at most.")
    Integer maxNewTokens;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the per-response random streams.")
    Long seed;

    @Option(names = "--stop", paramLabel = "TEXT", description = "A stop string (repeatable).")
    List<String> stop = new ArrayList<>();

    /** The options over {@code base}. */
    public SamplingConfig config(SamplingConfig base) {
        return new SamplingConfig(n != null ? n : base.n(), temperature != null ? temperature : base.temperature(),
                topP != null ? topP : base.topP(), topK != null ? topK : base.topK(), minP != null ? minP : base.minP(),
                maxNewTokens != null ? maxNewTokens : base.maxNewTokens(), seed != null ? seed : base.seed(),
                stop.isEmpty() ? base.stop() : stop);
    }
}
