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
public record RunSummary(TrainerConfig config, EvalScores initial, EvalScores last, double wallSeconds,
                         List<StepRecord> steps, OptionalDouble peakRssMb) {

    /** The phases of a step, then the whole step. */
    private static final List<StepJson.Column> TIMES = List.of(StepJson.TIME_GENERATE, StepJson.TIME_METRICS,
            StepJson.TIME_REWARD, StepJson.TIME_UPDATE, StepJson.TIME_STEP), PHASES = TIMES.subList(0, 4);

    /** Writes both files into {@code runDir} (each atomically). */
    public void write(Path runDir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.set("config", config.values().toJson());
        root.set("initial_eval", eval(json, initial));
        root.set("final_eval", eval(json, last));
        root.put("wall_seconds", wallSeconds);
        root.put("steps", steps.size());
        ObjectNode time = root.putObject("mean_seconds_per_step");
        for (StepJson.Column p : TIMES) {
            OptionalDouble mean = meanOf(p);                                   // none for a run of no steps
            if (mean.isPresent()) time.put(phase(p) + "_s", mean.getAsDouble());
            else time.putNull(phase(p) + "_s");
        }
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
                config.algorithm().label(), config.aux().label(), config.model(), config.data(),
                steps.size(), wallSeconds, peakRssMb.isPresent() ? String.format(Locale.ROOT, ", peak RSS %.0f MB", peakRssMb.getAsDouble()) : ""));
        md.append(String.format(Locale.ROOT, "Held-out: %d problems × n = %d samples.%n%n", last.problems(), last.n()));
        md.append("| metric | before (step ").append(initial.step()).append(") | after (step ").append(last.step()).append(") | Δ |\n|---|---|---|---|\n");
        for (String k : last.passAtK().keySet()) {
            double b = last.passAtK().get(k);
            Double a = initial.passAtK().get(k);                               // none when the evaluations differ in n
            md.append(a == null ? String.format(Locale.ROOT, "| %s | – | %.3f | – |%n", k, b)
                    : String.format(Locale.ROOT, "| %s | %.3f | %.3f | %+.3f |%n", k, a, b, b - a));
        }
        md.append("\n## Time per step (mean)\n\n| phase | seconds | share |\n|---|---|---|\n");
        OptionalDouble total = meanOf(StepJson.TIME_STEP);
        if (total.isPresent()) {
            for (StepJson.Column p : PHASES) {
                double s = meanOf(p).orElseThrow();
                md.append(String.format(Locale.ROOT, "| %s | %.2f | %.0f%% |%n", phase(p), s, 100 * s / total.getAsDouble()));
            }
            md.append(String.format(Locale.ROOT, "| whole step | %.2f | 100%% |%n", total.getAsDouble()));
        }
        md.append("\n## Curves\n\n");
        for (RunPlots.Chart c : RunPlots.CHARTS)
            if (Files.exists(runDir.resolve("plots").resolve(c.file())))
                md.append("![").append(c.title()).append("](plots/").append(c.file()).append(")\n");
        return md.toString();
    }

    /** The mean of a time column over the steps; empty for a run of no steps. */
    private OptionalDouble meanOf(StepJson.Column metric) {
        double s = 0;
        for (StepRecord r : steps) s += metric.value().apply(r).orElseThrow();
        return steps.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(s / steps.size());
    }

    /** {@code time/generate_s} → {@code generate}. */
    private static String phase(StepJson.Column time) {
        return time.name().substring("time/".length(), time.name().length() - "_s".length());
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
