package org.verl4j.trainer;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.verl4j.io.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PNG curves of a run (JFreeChart, headless), one chart per group of metrics of {@code steps.jsonl} against
 * the training step. Undefined points are left out of their series.
 */
public final class RunPlots {

    /** One chart: file name, title, y label and the metrics drawn (each a series named after its column). */
    public record Chart(String file, String title, String yLabel, List<StepJson.Column> metrics) {
    }

    /** The charts of every run. */
    public static final List<Chart> CHARTS = List.of(
            new Chart("reward.png", "Task reward and accuracy", "value",
                    List.of(StepJson.REWARD_MEAN, StepJson.ACCURACY)),
            new Chart("er.png", "Effective Rank (ALGORITHM.md §2)", "ER",
                    List.of(StepJson.ER_CORRECT, StepJson.ER_INCORRECT)),
            new Chart("erv.png", "ER velocity (ALGORITHM.md §3)", "ERV",
                    List.of(StepJson.ERV_CORRECT, StepJson.ERV_INCORRECT)),
            new Chart("era.png", "ER acceleration (ALGORITHM.md §3)", "ERA",
                    List.of(StepJson.ERA_CORRECT, StepJson.ERA_INCORRECT)),
            new Chart("aux.png", "Aux signal and λ (ALGORITHM.md §6)", "value",
                    List.of(StepJson.AUX_MEAN, StepJson.LAMBDA_MEAN, StepJson.SHAPED_FRACTION)),
            new Chart("entropy.png", "Token entropy (nats)", "nats", List.of(StepJson.ENTROPY)),
            new Chart("length.png", "Response length (tokens)", "tokens",
                    List.of(StepJson.LENGTH_MEAN, StepJson.LENGTH_MAX)),
            new Chart("update.png", "Update diagnostics", "value",
                    List.of(StepJson.GRAD_NORM, StepJson.PG_CLIPFRAC, StepJson.PPO_KL)),
            new Chart("eval.png", "Held-out pass@1 (periodic evaluation)", "pass@1", List.of(StepJson.EVAL_PASS1)));

    private RunPlots() {
    }

    /** Writes every chart with at least one defined point into {@code dir}; returns the files written. */
    public static List<Path> write(Path dir, List<StepRecord> records) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Chart c : CHARTS) {
            XYSeriesCollection data = new XYSeriesCollection();
            for (StepJson.Column metric : c.metrics()) {
                XYSeries s = new XYSeries(metric.name());
                for (StepRecord r : records) metric.value().apply(r).ifPresent(v -> s.add(r.step(), v));
                if (s.getItemCount() > 0) data.addSeries(s);
            }
            if (data.getSeriesCount() == 0) continue;
            JFreeChart chart = ChartFactory.createXYLineChart(c.title(), "training step", c.yLabel(), data,
                    PlotOrientation.VERTICAL, true, false, false);
            Path file = dir.resolve(c.file());
            AtomicFile.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, 800, 480));
            written.add(file);
        }
        return written;
    }
}
