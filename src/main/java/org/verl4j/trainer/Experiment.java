package org.verl4j.trainer;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.verl4j.io.AtomicFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The comparison the paper's users ask for: the same budget and seeds for several arms (GRPO, GRPO + VERL,
 * GRPO + entropy advantage), each a full {@link Trainer} run in {@code <out>/<arm>-seed<k>/}, then
 * {@code experiment.md} with held-out pass@k per arm as mean ± sample standard deviation over seeds (and the
 * initial policy's), and the ER/ERV/ERA curves averaged over seeds ({@code <out>/curves-*.png}).
 */
public final class Experiment {

    /** One arm: its name and the keys that define it (on top of the shared configuration). */
    public record Arm(String name, List<String> sets) {
    }

    /** GRPO, GRPO + VERL, GRPO + entropy advantage. */
    public static final List<Arm> ARMS = arms(Algorithm.GRPO, List.of(AuxSignal.NONE, AuxSignal.VERL, AuxSignal.ENTROPY_ADV));

    /** One arm per aux signal for {@code algorithm}, named {@code algorithm} or {@code algorithm+signal}. */
    public static List<Arm> arms(Algorithm algorithm, List<AuxSignal> signals) {
        List<Arm> arms = new ArrayList<>();
        for (AuxSignal a : signals)
            arms.add(new Arm(a == AuxSignal.NONE ? algorithm.label() : algorithm.label() + "+" + a.label(),
                    List.of("algorithm=" + algorithm.label(), "aux.signal=" + a.label())));
        return List.copyOf(arms);
    }

    private Experiment() {
    }

    /** Runs every arm × seed (seeds 0 … seeds−1) with {@code shared} keys on top of {@code configFile}. */
    public static Path run(Path configFile, List<String> shared, List<Arm> arms, int seeds, Path out, PrintWriter log)
            throws IOException {
        Map<String, List<Trainer.Result>> results = new LinkedHashMap<>();
        for (Arm arm : arms)
            for (int s = 0; s < seeds; s++) {
                Path dir = out.resolve(arm.name() + "-seed" + s);
                List<String> sets = new ArrayList<>(shared);
                sets.addAll(arm.sets());
                sets.add("seed=" + s);
                sets.add("out.dir=" + dir);
                TrainerConfig c = TrainerConfig.of(ConfigValues.resolve(configFile, sets));
                log.println("== " + arm.name() + " seed " + s + " → " + dir);
                try (Trainer t = new Trainer(c, dir, log)) {
                    results.computeIfAbsent(arm.name(), k -> new ArrayList<>()).add(t.run(Optional.empty()));
                }
            }
        String md = table(results, seeds);
        for (StepJson.Column metric : List.of(StepJson.ER_MEAN, StepJson.ERV_MEAN, StepJson.ERA_MEAN, StepJson.ACCURACY))
            curve(out.resolve("curves-" + metric.name().substring(metric.name().indexOf('/') + 1) + ".png"), metric, results);
        AtomicFile.writeText(out.resolve("experiment.md"), w -> w.write(md));
        log.print(md);
        log.flush();
        return out.resolve("experiment.md");
    }

    /** The Markdown table: one row per arm (plus the initial policy), pass@k mean ± sd over seeds. */
    static String table(Map<String, List<Trainer.Result>> results, int seeds) {
        List<String> ks = new ArrayList<>(results.values().iterator().next().get(0).last().passAtK().keySet());
        StringBuilder md = new StringBuilder("| arm (" + seeds + " seeds) |");
        for (String k : ks) md.append(' ').append(k).append(" |");
        md.append(" wall s/run |\n|---|").append("---|".repeat(ks.size() + 1)).append('\n');
        List<EvalScores> initial = results.values().iterator().next().stream().map(Trainer.Result::initial).toList();
        row(md, "initial policy", initial, ks, OptionalDouble.empty());
        results.forEach((arm, runs) -> row(md, arm, runs.stream().map(Trainer.Result::last).toList(), ks,
                OptionalDouble.of(mean(runs.stream().mapToDouble(Trainer.Result::wallSeconds).toArray()))));
        return md.toString();
    }

    /** {@code wall}: mean seconds per run, empty for the initial policy's row. */
    private static void row(StringBuilder md, String name, List<EvalScores> evals, List<String> ks, OptionalDouble wall) {
        md.append("| ").append(name).append(" |");
        for (String k : ks) {
            double[] x = evals.stream().mapToDouble(e -> e.passAtK().get(k)).toArray();
            md.append(String.format(Locale.ROOT, " %.3f ± %.3f |", mean(x), sampleStd(x)));
        }
        md.append(wall.isEmpty() ? " – |" : String.format(Locale.ROOT, " %.0f |", wall.getAsDouble())).append('\n');
    }

    /** Plain mean over seeds (at least one). */
    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    /** Bessel-corrected standard deviation (0 for one value). */
    static double sampleStd(double[] x) {
        if (x.length < 2) return 0;
        double m = mean(x), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return Math.sqrt(s / (x.length - 1));
    }

    private static void curve(Path file, StepJson.Column metric, Map<String, List<Trainer.Result>> results) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        results.forEach((arm, runs) -> {
            XYSeries s = new XYSeries(arm);
            int steps = runs.get(0).steps().size();
            for (int u = 0; u < steps; u++) {
                double sum = 0;
                int n = 0;
                for (Trainer.Result r : runs) {
                    OptionalDouble v = metric.value().apply(r.steps().get(u));
                    if (v.isPresent()) {
                        sum += v.getAsDouble();
                        n++;
                    }
                }
                if (n > 0) s.add(u + 1, sum / n);
            }
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(metric.name() + " (mean over seeds)", "training step", metric.name(), data,
                PlotOrientation.VERTICAL, true, false, false);
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, 800, 480));
    }
}
