package org.verl4j.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.io.AtomicFile;
import org.verl4j.rank.RankOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code verl4j analyze}: the motivation figure (ALGORITHM.md §5) of a {@code generate} output, written to a
 * directory — {@code analysis.json} (r, R², Spearman ρ of both pairs), {@code responses.jsonl} (per-response values),
 * {@code entropy_vs_logprob.png} and {@code er_vs_erv.png} — with the lines a user reads (one per association).
 */
public final class MotivationReport {

    private MotivationReport() {
    }

    /**
     * Reads {@code rollouts} (ER/ERV from the file, or measured under {@code rank} from the .npy files in
     * {@code hiddenStates} when given), writes the report into {@code out} and returns its summary lines.
     */
    public static List<String> write(Path rollouts, Optional<Path> hiddenStates, RankOptions rank, Path out) throws IOException {
        if (hiddenStates.isPresent() && !Files.isDirectory(hiddenStates.get()))
            throw new IllegalArgumentException("--hidden-states " + hiddenStates.get() + " is not a directory");
        List<ResponseMetrics> responses = RolloutsFile.read(rollouts, hiddenStates.orElse(null), rank);
        MotivationFigure figure = MotivationFigure.of(responses);
        Files.createDirectories(out);
        List<String> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        ObjectNode report = json.createObjectNode();
        report.put("rollouts", rollouts.toString());
        report.put("responses", responses.size());
        report.put("erv_measured", figure.rankPoints()[0].length);
        if (hiddenStates.isPresent()) {
            report.put("hidden_states", hiddenStates.get().toString());
            report.put("stride", rank.stride());
            report.put("max_len", rank.maxLen());
        }
        double[][] tokens = figure.tokenPoints();
        report.set("entropy_vs_logprob", node(json, figure.tokens()));
        ScatterPlot.write(out.resolve("entropy_vs_logprob.png"), "Unigram entropy vs average log-probability",
                figure.tokens(), tokens[0], tokens[1]);
        lines.add(line(figure.tokens()));
        if (figure.rank().isPresent()) {
            Association a = figure.rank().get();
            report.set("er_vs_erv", node(json, a));
            ScatterPlot.write(out.resolve("er_vs_erv.png"), "ER vs ERV", a, figure.rankPoints()[0], figure.rankPoints()[1]);
            lines.add(line(a));
        } else {
            report.putNull("er_vs_erv");
            lines.add(String.format("ER vs ERV: undefined (%d of %d responses have a measured ERV; the stride s needs T ≥ 2s + 1 — "
                    + "try --hidden-states DIR --stride smaller)", figure.rankPoints()[0].length, responses.size()));
        }
        AtomicFile.writeText(out.resolve("responses.jsonl"), w -> w.write(perResponse(json, responses)));
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
        AtomicFile.write(out.resolve("analysis.json"), o -> o.write(bytes));
        return lines;
    }

    private static String perResponse(ObjectMapper json, List<ResponseMetrics> responses) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (ResponseMetrics r : responses) {
            ObjectNode o = json.createObjectNode();
            o.put("id", r.id());
            o.put("sample", r.sample());
            o.put("tokens", r.tokens());
            o.put("er", r.er());
            if (r.ervMeasured()) o.put("erv", r.erv()); else o.putNull("erv");
            o.put("unigram_entropy", r.unigramEntropy());
            o.put("avg_logprob", r.avgLogProb());
            lines.append(json.writeValueAsString(o)).append('\n');
        }
        return lines.toString();
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
