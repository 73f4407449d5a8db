package org.verl4j.cli;

import org.verl4j.analysis.MotivationReport;
import org.verl4j.rank.RankOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code verl4j analyze --rollouts FILE --out DIR}: the paper's motivation figure (ALGORITHM.md §5) from the responses
 * {@code verl4j generate} wrote, by {@link MotivationReport}; its summary lines on stdout.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"The paper's motivation figure (docs/ALGORITHM.md §5) over many responses: correlation of",
                "ER with ERV, and of unigram entropy with average log-probability. Input: the",
                "JSON Lines of `verl4j generate` (token_ids, logprobs, er, erv); with",
                "--hidden-states DIR, ER and ERV are measured from DIR/<id>-<sample>.npy under",
                "--stride/--max-len instead. Output: r, R², Spearman ρ on stdout and in",
                "OUT/analysis.json, per-response values in OUT/responses.jsonl, scatter plots",
                "OUT/er_vs_erv.png and OUT/entropy_vs_logprob.png."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--rollouts", required = true, paramLabel = "FILE", description = "JSON Lines written by `verl4j generate`.")
    Path rollouts;

    @Option(names = "--hidden-states", paramLabel = "DIR", description = "Measure ER/ERV from DIR/<id>-<sample>.npy (as `generate --hidden-states` writes).")
    Path hiddenStates;

    @Option(names = "--stride", paramLabel = "s", description = "Window stride s with --hidden-states (default ${DEFAULT-VALUE}).")
    int stride = RankOptions.DEFAULTS.stride();

    @Option(names = "--max-len", paramLabel = "M", description = "Truncation length M with --hidden-states (default ${DEFAULT-VALUE}).")
    int maxLen = RankOptions.DEFAULTS.maxLen();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (analysis.json and the PNGs).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        RankOptions rank = RankOptions.DEFAULTS.withStride(stride).withMaxLen(maxLen);
        PrintWriter stdout = spec.commandLine().getOut();
        for (String line : MotivationReport.write(rollouts, Optional.ofNullable(hiddenStates), rank, out)) stdout.println(line);
        return 0;
    }
}
