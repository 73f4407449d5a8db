package org.verl4j.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.model.DecoderWeights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Short real runs of the loop on a tiny random model: the run directory, resume bit-identity, the NaN stop. */
class TrainerRunTest {

    @TempDir
    Path tmp;

    @Test
    void aShortVerlRunWritesTheRunDirectoryWithFiniteLossesAndANonZeroAux() throws IOException {
        Path model = TinyRuns.model(tmp.resolve("model"));
        Path run = tmp.resolve("run");
        Trainer.Result r = TinyRuns.run(TinyRuns.config(model, run, "train.steps=3", "optim.kl_coeff=0.1"),
                Optional.empty());
        assertThat(run.resolve("config.json")).isRegularFile();
        assertThat(run.resolve("initial_eval.json")).isRegularFile();
        assertThat(run.resolve("plots/reward.png")).isRegularFile();
        assertThat(run.resolve("summary.md")).isRegularFile();
        assertThat(r.steps()).hasSize(3);
        for (StepRecord s : r.steps()) {
            assertThat(s.actor().mean().loss()).as("loss at step " + s.step()).isFinite();
            assertThat(s.shaping().advantageAbsMean()).isFinite();
            assertThat(s.actor().gradNorm()).isFinite();
            assertThat(s.actor().mean().kl()).as("k3 KL to θ₀").isFinite().isGreaterThanOrEqualTo(0);
            assertThat(s.rank().ervMeasured()).as("stride 2 measures ERV on 6-token responses").isPositive();
        }
        assertThat(r.steps().get(0).shaping().auxMean()).as("step 1: no previous means, gate closed").isZero();
        for (StepRecord s : r.steps().subList(1, 3)) {
            assertThat(s.shaping().gateOpen()).isTrue();
            assertThat(s.shaping().auxNonzeroFraction()).as("aux at step " + s.step()).isPositive();
        }
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("initial_eval").has("pass@1")).isTrue();
        assertThat(summary.get("final_eval").has("pass@2")).isTrue();
        assertThat(summary.get("wall_seconds").asDouble()).isPositive();
        assertThat(summary.get("config").get("aux").get("signal").asText()).isEqualTo("verl");
        Path last = run.resolve("checkpoints").resolve(Checkpoints.name(3));
        DecoderWeights trained = DecoderWeights.load(last);                         // HF layout, loadable
        assertThat(last.resolve("tokenizer_config.json")).isRegularFile();
        assertThat(trained.flatten()).isNotEqualTo(DecoderWeights.load(model).flatten());
        assertThat(run.resolve("checkpoints").resolve(Checkpoints.name(2))).isDirectory();
    }

    @Test
    void twoStepsThenResumeThenTwoStepsEqualFourStepsStraightBitForBit() throws IOException {
        Path model = TinyRuns.model(tmp.resolve("model"));
        Path straight = tmp.resolve("straight"), split = tmp.resolve("split");
        Trainer.Result a = TinyRuns.run(TinyRuns.config(model, straight, "train.steps=4"), Optional.empty());
        TinyRuns.run(TinyRuns.config(model, split, "train.steps=2"), Optional.empty());
        Trainer.Result b = TinyRuns.run(TinyRuns.config(model, split, "train.steps=4"), Optional.of(split));
        TrainerState sa = Checkpoints.load(straight.resolve("checkpoints").resolve(Checkpoints.name(4)));
        TrainerState sb = Checkpoints.load(split.resolve("checkpoints").resolve(Checkpoints.name(4)));
        assertThat(sb.actor().theta()).isEqualTo(sa.actor().theta());
        assertThat(sb.actor().m()).isEqualTo(sa.actor().m());
        assertThat(sb.actor().v()).isEqualTo(sa.actor().v());
        assertThat(sb.actor().steps()).isEqualTo(sa.actor().steps());
        assertThat(sb.controller()).isEqualTo(sa.controller());
        assertThat(sb.dataCursor()).isEqualTo(sa.dataCursor());
        assertThat(b.steps()).hasSize(4);
        for (int i = 0; i < 4; i++) assertThat(TinyRuns.withoutTimes(b.steps().get(i))).isEqualTo(TinyRuns.withoutTimes(a.steps().get(i)));
        assertThat(b.last().passAtK()).isEqualTo(a.last().passAtK());
        // the run did learn something: some step had a non-zero advantage, so the updates were real
        assertThat(a.steps()).anyMatch(s -> s.shaping().advantageAbsMean() > 0);
    }

    @Test
    void aNonFiniteLossStopsTheRunAndKeepsTheLastGoodCheckpoint() throws IOException {
        Path model = TinyRuns.model(tmp.resolve("model"));
        Path run = tmp.resolve("run");
        TinyRuns.run(TinyRuns.config(model, run, "train.steps=2"), Optional.empty());
        TrainerState good = Checkpoints.load(Checkpoints.resolve(run));
        // resumed with an absurd learning rate: the first mini-batch's update overflows θ, the second's loss is NaN
        TrainerConfig wild = TinyRuns.config(model, run, "train.steps=6", "optim.lr=1e38", "checkpoint.every=1");
        assertThatThrownBy(() -> TinyRuns.run(wild, Optional.of(run))).isInstanceOf(TrainingDiverged.class)
                .hasMessageContaining("step 3").hasMessageContaining("NaN");
        Path latest = Checkpoints.resolve(run);
        assertThat(latest.getFileName().toString()).isEqualTo(Checkpoints.name(2));
        assertThat(Checkpoints.load(latest).actor().theta()).isEqualTo(good.actor().theta());
    }

    @Test
    void ppoGaeTrainsTheCriticAndCheckpointsIt() throws IOException {
        Path model = TinyRuns.model(tmp.resolve("model"));
        Path run = tmp.resolve("run");
        Trainer.Result r = TinyRuns.run(TinyRuns.config(model, run, "train.steps=2", "algorithm=ppo-gae"), Optional.empty());
        for (StepRecord s : r.steps()) {
            assertThat(s.critic().orElseThrow().loss()).as("critic loss at step " + s.step()).isFinite();
            assertThat(s.actor().mean().loss()).isFinite();
        }
        TrainerState s = Checkpoints.load(run.resolve("checkpoints").resolve(Checkpoints.name(2)));
        double[] critic = s.critic().orElseThrow().theta();
        assertThat(s.critic().orElseThrow().steps()).isEqualTo(4);                 // 2 steps × 2 mini-batches
        assertThat(critic[critic.length - 1]).as("score.bias moved off its zero init").isNotZero();
    }

}
