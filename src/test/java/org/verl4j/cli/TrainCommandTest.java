package org.verl4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.trainer.TinyRuns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code verl4j train}: configuration errors become one-line messages; a run and its --resume through the CLI. */
class TrainCommandTest {

    @TempDir
    Path tmp;

    @Test
    void anUnknownKeyIsAnErrorNamingIt() {
        CliRun r = CliRun.of("train", "--set", "optim.learning_rate=1e-5");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("verl4j: error: --set: unknown config key 'optim.learning_rate'");
    }

    @Test
    void keysListsEveryKeyWithItsDefault() {
        CliRun r = CliRun.of("train", "--keys");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().count()).isEqualTo(org.verl4j.trainer.TrainerKeys.all().size());
        assertThat(r.out()).contains("rank.stride").contains("{grpo, drgrpo, ppo-gae, rloo, reinforce++}");
    }

    @Test
    void keysAsMarkdownIsTheReadmesTable() {
        CliRun r = CliRun.of("train", "--keys", "--markdown");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(org.verl4j.trainer.TrainerKeys.markdownTable());
    }

    @Test
    void aMissingModelDirectoryIsAnErrorNamingTheKey() {
        CliRun r = CliRun.of("train", "--set", "model.dir=" + tmp.resolve("nope"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("does not exist (set model.dir)");
    }

    @Test
    void aRunThenAResumeThatExtendsIt() throws IOException {
        Path model = TinyRuns.model(tmp.resolve("model"));
        Path run = tmp.resolve("run");
        String[] common = {"--set", "model.dir=" + model, "--set", "data.dir=benchmarks-data/digit-completion-l1",
                "--set", "rollout.prompts=2", "--set", "rollout.n=2", "--set", "rollout.max_new_tokens=4",
                "--set", "optim.micro_batch_size=4", "--set", "data.eval_problems=2", "--set", "eval.n=2",
                "--set", "threads=1", "--set", "train.steps=1"};
        CliRun first = CliRun.of(concat(new String[]{"train", "--out", run.toString()}, common));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out().strip()).isEqualTo(run.resolve("summary.md").toString());
        assertThat(first.err()).contains("train.steps = 1").contains("| pass@1 |");
        CliRun again = CliRun.of(concat(new String[]{"train", "--out", run.toString()}, common));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already holds a run").contains("--resume " + run);
        CliRun resumed = CliRun.of("train", "--resume", run.toString(), "--set", "train.steps=2");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resumed from").contains("at step 1");
        assertThat(Files.readAllLines(run.resolve("steps.jsonl"))).hasSize(2);
        assertThat(new ObjectMapper().readTree(run.resolve("summary.json").toFile()).get("config").get("train")
                .get("steps").asInt()).isEqualTo(2);
        assertThat(run.resolve("checkpoints/step-000002/model.safetensors")).isRegularFile();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
