package org.verl4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.analysis.Association;
import org.verl4j.analysis.MotivationFigure;
import org.verl4j.analysis.ResponseMetrics;
import org.verl4j.analysis.RolloutsFile;
import org.verl4j.analysis.ScatterPlot;
import org.verl4j.io.AtomicFile;
import org.verl4j.rank.RankOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code verl4j analyze --rollouts FILE --out DIR}: the paper's motivation figure (spec §5) from the responses
 * {@code verl4j generate} wrote — ER vs ERV and unigram entropy vs average log-probability, r / R² / Spearman ρ
 * printed and written to {@code DIR/analysis.json}, the per-response values to {@code DIR/responses.jsonl}, scatter plots {@code DIR/er_vs_erv.png} and
 * {@code DIR/entropy_vs_logprob.png}.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"The paper's motivation figure (spec §5) over many responses: correlation of",
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
        if (hiddenStates != null && !Files.isDirectory(hiddenStates))
            throw new IllegalArgumentException("--hidden-states " + hiddenStates + " is not a directory");
        List<ResponseMetrics> responses = RolloutsFile.read(rollouts, hiddenStates, rank);
        MotivationFigure figure = MotivationFigure.of(responses);
        Files.createDirectories(out);
        PrintWriter stdout = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper();
        ObjectNode report = json.createObjectNode();
        report.put("rollouts", rollouts.toString());
        report.put("responses", responses.size());
        report.put("erv_measured", figure.rankPoints()[0].length);
        if (hiddenStates != null) {
            report.put("hidden_states", hiddenStates.toString());
            report.put("stride", stride);
            report.put("max_len", maxLen);
        }
        double[][] tokens = figure.tokenPoints();
        report.set("entropy_vs_logprob", node(json, figure.tokens()));
        ScatterPlot.write(out.resolve("entropy_vs_logprob.png"), "Unigram entropy vs average log-probability",
                figure.tokens(), tokens[0], tokens[1]);
        stdout.println(line(figure.tokens()));
        if (figure.rank().isPresent()) {
            Association a = figure.rank().get();
            report.set("er_vs_erv", node(json, a));
            ScatterPlot.write(out.resolve("er_vs_erv.png"), "ER vs ERV", a, figure.rankPoints()[0], figure.rankPoints()[1]);
            stdout.println(line(a));
        } else {
            report.putNull("er_vs_erv");
            stdout.printf("ER vs ERV: undefined (%d of %d responses have a measured ERV; the stride s needs T ≥ 2s + 1 — "
                    + "try --hidden-states DIR --stride smaller)%n", figure.rankPoints()[0].length, responses.size());
        }
        StringBuilder perResponse = new StringBuilder();
        for (ResponseMetrics r : responses) {
            ObjectNode o = json.createObjectNode();
            o.put("id", r.id());
            o.put("sample", r.sample());
            o.put("tokens", r.tokens());
            o.put("er", r.er());
            if (r.ervMeasured()) o.put("erv", r.erv()); else o.putNull("erv");
            o.put("unigram_entropy", r.unigramEntropy());
            o.put("avg_logprob", r.avgLogProb());
            perResponse.append(json.writeValueAsString(o)).append('\n');
        }
        AtomicFile.writeText(out.resolve("responses.jsonl"), w -> w.write(perResponse.toString()));
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        AtomicFile.write(out.resolve("analysis.json"), o -> o.write(bytes));
        return 0;
    }

    private static ObjectNode node(ObjectMapper json, Association a) {
        ObjectNode o = json.createObjectNode();
        o.put("x", a.x());
        o.put("y", a.y());
        o.put("n", a.n());
        o.put("r", a.pearson());
        o.put("r2", a.rSquared());
        o.put("spearman", a.spearman());
        return o;
    }

    private static String line(Association a) {
        return String.format(Locale.ROOT, "%s vs %s: r = %.4f, R² = %.4f, Spearman ρ = %.4f (n = %d)",
                a.x(), a.y(), a.pearson(), a.rSquared(), a.spearman(), a.n());
    }
}
