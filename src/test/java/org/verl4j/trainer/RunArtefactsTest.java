package org.verl4j.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.shaping.RankIndicators;
import org.verl4j.trainstep.LossScalars;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** steps.jsonl (including a resume that drops the steps after its checkpoint), the PNG plots and the summaries. */
class RunArtefactsTest {

    @TempDir
    Path run;

    /** A step whose every value is distinct (so a column read into the wrong field shows), ER undefined on the correct side. */
    static StepRecord record(int step) {
        double u = step;
        return new StepRecord(step, new StepRecord.Rewards(0.1 * u, 0.2, 0.3, 0.4),
                new StepRecord.Responses(5.5, 7 + step, 0.125, 0.6),
                new StepRecord.Update(new LossScalars.Policy(1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7), 1.8, 1e-4, -2.5e-8),
                new StepRecord.Rank(new RankIndicators(2.1, 2.2, 2.3),
                        new StepRecord.Split(OptionalDouble.empty(), OptionalDouble.of(10 + u)),
                        new StepRecord.Split(OptionalDouble.of(2.4), OptionalDouble.of(2.5)),
                        new StepRecord.Split(OptionalDouble.of(2.6), OptionalDouble.of(2.7)), 0.75, 0.5, 3.1, 3.2, 3.3),
                new StepRecord.Shaping(4.1, 0.25, 0.0625, OptionalDouble.empty(), OptionalDouble.empty(), false, -0.5,
                        new RankIndicators(4.2, 4.3, 4.4), 4.5),
                new StepRecord.Timings(2, 0.1, 0.04, 0.06, 0.1, 1.8, 4), Optional.empty(), OptionalDouble.empty());
    }

    @Test
    void aResumedLogKeepsTheStepsUpToItsCheckpointAndUndefinedMetricsAreNull() throws IOException {
        Path file = run.resolve("steps.jsonl");
        try (StepLog log = new StepLog(file, 0)) {
            for (int u = 1; u <= 5; u++) log.append(record(u));
        }
        List<String> written = Files.readAllLines(file);
        assertThat(written.get(0)).contains("\"rank/er_correct\":null", "\"verl/lambda_mean\":null",
                "\"response/length_max\":8.0", "\"verl/gate_open\":0.0").doesNotContain("critic/", "eval/");
        try (StepLog log = new StepLog(file, 3)) {
            assertThat(log.records()).extracting(StepRecord::step).containsExactly(1, 2, 3);
            assertThat(log.records()).containsExactly(record(1), record(2), record(3));
            log.append(record(4));
        }
        assertThat(Files.readAllLines(file)).as("read back and rewritten byte for byte").isEqualTo(written.subList(0, 4));
    }

    @Test
    void everyColumnReadsBackIntoItsOwnFieldWithTheCriticAndTheEvaluation() {
        ObjectMapper json = new ObjectMapper();
        StepRecord r = new StepRecord(2, record(2).reward(), record(2).response(), record(2).actor(), record(2).rank(),
                new StepRecord.Shaping(4.1, 1, 0.0625, OptionalDouble.of(0.75), OptionalDouble.of(0.5), true, -0.5,
                        new RankIndicators(4.2, 4.3, 4.4), 4.5), record(2).time(),
                Optional.of(new StepRecord.CriticUpdate(6.1, 6.2)), OptionalDouble.of(0.375));
        JsonNode o = StepJson.write(json, r);
        assertThat(StepJson.read(o)).isEqualTo(r);
        assertThat(o.get("critic/grad_norm").asDouble()).isEqualTo(6.2);
        assertThat(o.get("eval/pass@1").asDouble()).isEqualTo(0.375);
        assertThat(o.get("actor/pg_clipfrac_lower").asDouble()).isEqualTo(1.4);
        assertThat(o.get("rank/era_mean").asDouble()).isEqualTo(2.1);
        assertThat(o.get("verl/baseline_er").asDouble()).isEqualTo(4.4);
    }

    @Test
    void theColumnsAreTheFilesNamesInTheirOrder() {
        // steps.jsonl as verl4j has written it since the trainer landed (a format users' scripts read)
        assertThat(StepJson.columns()).extracting(StepJson.Column::name).containsExactly(
                "reward/mean", "reward/std", "reward/accuracy", "reward/zero_std_group_fraction",
                "response/length_mean", "response/length_max", "response/clip_ratio",
                "actor/entropy", "actor/kl", "actor/loss", "actor/pg_loss", "actor/pg_clipfrac", "actor/pg_clipfrac_lower",
                "actor/ppo_kl", "actor/grad_norm", "actor/lr", "rollout/train_logprob_gap", "rollout/token_entropy",
                "rank/er_mean", "rank/erv_mean", "rank/era_mean", "rank/er_correct", "rank/er_incorrect",
                "rank/erv_correct", "rank/erv_incorrect", "rank/era_correct", "rank/era_incorrect",
                "rank/erv_measured_fraction", "rank/era_measured_fraction", "rank/dataset_global_er", "rank/dataset_erv",
                "rank/dataset_era", "verl/aux_mean", "verl/aux_nonzero_fraction", "verl/shaped_token_fraction",
                "verl/lambda_mean", "verl/explore_fraction", "verl/gate_open", "verl/score_ema", "verl/baseline_era",
                "verl/baseline_erv", "verl/baseline_er", "advantage/abs_mean", "time/generate_s", "time/metrics_s",
                "time/metrics_wait_s", "time/metrics_batch_s", "time/reward_s", "time/update_s", "time/step_s",
                "critic/loss", "critic/grad_norm", "eval/pass@1");
    }

    @Test
    void aLineWithoutAColumnOrWithANonFiniteValueIsAnErrorNamingIt() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode o = StepJson.write(json, record(3));
        o.remove("rank/er_correct");
        assertThatThrownBy(() -> StepJson.read(o)).hasMessageContaining("step 3").hasMessageContaining("'rank/er_correct'");
        ObjectNode p = StepJson.write(json, record(3));
        p.putNull("reward/std");
        assertThatThrownBy(() -> StepJson.read(p)).hasMessageContaining("'reward/std'");
        StepRecord nan = new StepRecord(3, new StepRecord.Rewards(Double.NaN, 0, 0, 0), record(3).response(),
                record(3).actor(), record(3).rank(), record(3).shaping(), record(3).time(), Optional.empty(),
                OptionalDouble.empty());
        assertThatThrownBy(() -> StepJson.write(json, nan)).hasMessageContaining("'reward/mean' is NaN");
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
        new RunSummary(TrainerConfig.defaults(), before, after, 12.5, steps, OptionalDouble.of(100)).write(run);
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
