package org.verl4j.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The train job in local[2] against {@code verl4j train} in-process: two steps of the quickstart (GRPO + VERL on the
 * shipped model, seed 0), the held-out evaluations cut to 4 problems × n 2. The job generates every step's 8 × 8
 * rollouts on the executor engine under the broadcast policy; the learner is the same code on the driver. Step 2's
 * rollouts come from the policy after step 1's update, so they match only if that update reached the executors.
 */
class TrainJobTest {

    static final Path MODEL = Path.of("models/verl4j-arith-tiny");
    static final String SEED = "0";
    static final Path FINAL_WEIGHTS = Path.of("checkpoints", "step-000002", "model.safetensors");

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static Path local;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isRegularFile(MODEL.resolve("model.safetensors")),
                "skipped: " + MODEL + "/model.safetensors is absent (the shipped model; see models/README.md)");
        spark = LocalSpark.start(TrainJobTest.class.getSimpleName());
        local = dir.resolve("local");
        JobRun cli = JobRun.cli(args(local));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    private static String[] args(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("train", "--set", "train.steps=2", "--set", "data.eval_problems=4", "--set", "eval.n=2",
                "--set", "threads=1", "--set", "seed=" + SEED, "--out", out.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static Path job(String name, String partitions) {
        Path out = dir.resolve(name);
        JobRun run = JobRun.spark(args(out, "--partitions", partitions));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    /**
     * One slice per step: the executor's engine decodes exactly the batch the local engine decodes, so every number
     * is the same bits — the broadcast policy is the learner's θ rounded to float as {@code RolloutEngine.setPolicy}
     * rounds it, and the rollouts (hidden states included) travel unchanged.
     */
    @Test
    void withOneSliceTheRunIsTheSingleMachineRunBitForBit() throws IOException {
        Path job = job("one-slice", "1");
        List<JsonNode> a = steps(local), b = steps(job);
        assertThat(a).hasSize(2);
        assertThat(a.get(1).get("reward/mean")).as("step 2 differs from step 1").isNotEqualTo(a.get(0).get("reward/mean"));
        assertThat(b).as("steps.jsonl without time/ fields, seed %s", SEED).isEqualTo(a);
        assertThat(Files.readString(job.resolve("initial_eval.json"))).isEqualTo(Files.readString(local.resolve("initial_eval.json")));
        assertThat(Files.mismatch(job.resolve(FINAL_WEIGHTS), local.resolve(FINAL_WEIGHTS))).as("final weights, seed %s", SEED).isEqualTo(-1L);
    }

    /**
     * Three slices per step: each slice is padded to the whole step's prompt width and never decodes a lone row
     * ({@code RolloutSource.generate(prompts, sampling, width)}), so every value — tokens, log-probs, hidden states, hence ER/ERV/ERA,
     * losses, gradients, weights — is the bits of the one-machine run.
     */
    @Test
    void withThreeSlicesEveryValueIsTheSameBits() throws IOException {
        Path job = job("three-slices", "3");
        assertThat(steps(job)).as("steps.jsonl without time/ fields, seed %s", SEED).isEqualTo(steps(local));
        assertThat(Files.readString(job.resolve("initial_eval.json"))).isEqualTo(Files.readString(local.resolve("initial_eval.json")));
        assertThat(Files.mismatch(job.resolve(FINAL_WEIGHTS), local.resolve(FINAL_WEIGHTS))).as("final weights, seed %s", SEED).isEqualTo(-1L);
    }

    /** The rows of {@code run}/steps.jsonl without the wall-clock {@code time/} fields. */
    private static List<JsonNode> steps(Path run) throws IOException {
        List<JsonNode> rows = JobRun.parse(Files.readString(run.resolve("steps.jsonl")));
        for (JsonNode row : rows) {
            List<String> times = new ArrayList<>();
            row.fieldNames().forEachRemaining(n -> {
                if (n.startsWith("time/")) times.add(n);
            });
            ((ObjectNode) row).remove(times);
        }
        return rows;
    }
}
