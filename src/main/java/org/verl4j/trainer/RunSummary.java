package org.verl4j.trainer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.io.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * {@code summary.json} (resolved configuration, {@code initial_eval}, {@code final_eval}, {@code wall_seconds},
 * time shares, peak memory) and {@code summary.md} (the before/after pass@k table, time per phase, the plots).
 *
 * @param config      the resolved configuration
 * @param initial     evaluation of the initial policy
 * @param last        evaluation after the last step
 * @param wallSeconds wall time of the whole run (this process: a resumed run counts from its restart)
 * @param steps       every step record (for the time shares)
 * @param peakRssMb   peak resident memory of the process (VmHWM), empty where the OS does not say (or not asked)
 */
public record RunSummary(ConfigValues config, EvalScores initial, EvalScores last, double wallSeconds,
                         List<StepRecord> steps, OptionalDouble peakRssMb) {

    private static final List<String> PHASES = List.of(StepMetrics.TIME_GENERATE, StepMetrics.TIME_METRICS,
            StepMetrics.TIME_REWARD, StepMetrics.TIME_UPDATE);

    /** Writes both files into {@code runDir} (each atomically). */
    public void write(Path runDir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.set("config", config.toJson());
        root.set("initial_eval", eval(json, initial));
        root.set("final_eval", eval(json, last));
        root.put("wall_seconds", wallSeconds);
        root.put("steps", steps.size());
        ObjectNode time = root.putObject("mean_seconds_per_step");
        for (String p : PHASES) time.put(p.substring("time/".length()), meanOf(p));
        time.put("step_s", meanOf(StepMetrics.TIME_STEP));
        peakRssMb.ifPresent(mb -> root.put("peak_rss_mb", mb));
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        AtomicFile.write(runDir.resolve("summary.json"), out -> out.write(bytes));
        String md = markdown(runDir);
        AtomicFile.writeText(runDir.resolve("summary.md"), out -> out.write(md));
    }

    private static ObjectNode eval(ObjectMapper json, EvalScores e) {
        ObjectNode o = json.createObjectNode();
        o.put("step", e.step());
        o.put("problems", e.problems());
        o.put("n", e.n());
        e.passAtK().forEach(o::put);
        return o;
    }

    /** The Markdown summary: before/after table, then time per phase, then the plots present in the run dir. */
    public String markdown(Path runDir) {
        StringBuilder md = new StringBuilder("# verl4j train — summary\n\n");
        md.append(String.format(Locale.ROOT, "%s + aux %s on `%s`, data `%s`, %d steps, wall %.0f s%s.%n%n",
                config.text("algorithm"), config.text("aux.signal"), config.path("model.dir"), config.path("data.dir"),
                steps.size(), wallSeconds, peakRssMb.isPresent() ? String.format(Locale.ROOT, ", peak RSS %.0f MB", peakRssMb.getAsDouble()) : ""));
        md.append(String.format(Locale.ROOT, "Held-out: %d problems × n = %d samples.%n%n", last.problems(), last.n()));
        md.append("| metric | before (step ").append(initial.step()).append(") | after (step ").append(last.step()).append(") | Δ |\n|---|---|---|---|\n");
        for (String k : last.passAtK().keySet()) {
            double a = initial.passAtK().getOrDefault(k, Double.NaN), b = last.passAtK().get(k);
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %+.3f |%n", k, a, b, b - a));
        }
        double total = meanOf(StepMetrics.TIME_STEP);
        md.append("\n## Time per step (mean)\n\n| phase | seconds | share |\n|---|---|---|\n");
        for (String p : PHASES) {
            double s = meanOf(p);
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.0f%% |%n", p.substring(5, p.length() - 2), s, 100 * s / total));
        }
        md.append(String.format(Locale.ROOT, "| whole step | %.2f | 100%% |%n", total));
        md.append("\n## Curves\n\n");
        for (RunPlots.Chart c : RunPlots.CHARTS)
            if (Files.exists(runDir.resolve("plots").resolve(c.file())))
                md.append("![").append(c.title()).append("](plots/").append(c.file()).append(")\n");
        return md.toString();
    }

    private double meanOf(String metric) {
        double s = 0;
        int n = 0;
        for (StepRecord r : steps) {
            Double v = r.metrics().get(metric);
            if (v != null && Double.isFinite(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** VmHWM of /proc/self/status in MB, empty where unavailable. */
    public static OptionalDouble measurePeakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("VmHWM:")) return OptionalDouble.of(Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0);
        } catch (IOException | NumberFormatException e) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }
}
