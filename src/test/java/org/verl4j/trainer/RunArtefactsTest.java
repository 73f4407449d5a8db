package org.verl4j.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** steps.jsonl (including a resume that drops the steps after its checkpoint), the PNG plots and the summaries. */
class RunArtefactsTest {

    @TempDir
    Path run;

    private static StepRecord record(int step) {
        return new StepMetrics().put(StepMetrics.REWARD_MEAN, 0.1 * step).put(StepMetrics.ER_CORRECT, Double.NaN)
                .put(StepMetrics.ER_INCORRECT, 10 + step).put(StepMetrics.TIME_GENERATE, 2).put(StepMetrics.TIME_METRICS, 0.1)
                .put(StepMetrics.TIME_REWARD, 0.1).put(StepMetrics.TIME_UPDATE, 1.8).put(StepMetrics.TIME_STEP, 4).build(step);
    }

    @Test
    void aResumedLogKeepsTheStepsUpToItsCheckpointAndUndefinedMetricsAreNull() throws IOException {
        Path file = run.resolve("steps.jsonl");
        try (StepLog log = new StepLog(file, 0)) {
            for (int u = 1; u <= 5; u++) log.append(record(u));
        }
        assertThat(Files.readAllLines(file).get(0)).contains("\"rank/er_correct\":null");
        try (StepLog log = new StepLog(file, 3)) {
            assertThat(log.records()).extracting(StepRecord::step).containsExactly(1, 2, 3);
            log.append(record(4));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        StepRecord back = StepRecord.fromJson(new ObjectMapper().readTree(lines.get(3)));
        assertThat(back.get(StepMetrics.REWARD_MEAN)).isEqualTo(0.1 * 4);
        assertThat(back.get(StepMetrics.ER_CORRECT)).isNaN();
    }

    @Test
    void plotsAndSummariesAreWritten() throws IOException {
        List<StepRecord> steps = new ArrayList<>();
        for (int u = 1; u <= 4; u++) steps.add(record(u));
        List<Path> pngs = RunPlots.write(run.resolve("plots"), steps);
        assertThat(pngs).extracting(p -> p.getFileName().toString()).contains("reward.png", "er.png");
        for (Path p : pngs) assertThat(Files.readAllBytes(p)).startsWith(0x89, 'P', 'N', 'G');
        EvalScores before = new EvalScores(0, 10, 4, Map.of("pass@1", 0.25, "pass@2", 0.4));
        EvalScores after = new EvalScores(4, 10, 4, Map.of("pass@1", 0.5, "pass@2", 0.6));
        new RunSummary(ConfigValues.defaults(), before, after, 12.5, steps, OptionalDouble.of(100)).write(run);
        JsonNode s = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertThat(s.get("initial_eval").get("pass@1").asDouble()).isEqualTo(0.25);
        assertThat(s.get("final_eval").get("pass@2").asDouble()).isEqualTo(0.6);
        assertThat(s.get("wall_seconds").asDouble()).isEqualTo(12.5);
        assertThat(s.get("config").get("algorithm").asText()).isEqualTo("grpo");
        assertThat(s.get("mean_seconds_per_step").get("generate_s").asDouble()).isEqualTo(2.0);
        String md = Files.readString(run.resolve("summary.md"));
        assertThat(md).contains("| pass@1 | 0.250 | 0.500 | +0.250 |").contains("| generate | 2.00 | 50% |")
                .contains("(plots/reward.png)");
    }
}
