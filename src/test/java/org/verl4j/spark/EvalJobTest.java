package org.verl4j.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.commandline.DeviceOptions;
import org.verl4j.model.Device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eval job in local[2] against {@code verl4j eval} run in-process on the same benchmarks: the same table on
 * stdout and the same files, byte for byte. The CLI samples all 12 problems in one batch; the job cuts them into 3
 * slices (one crossing the two datasets) evaluated by separate tasks, so equality shows that each item keeps the
 * CLI's prompt id, hence its random streams, and that a response does not depend on its batch. Sampling is seeded
 * (T 1, top-p 1) and the model is the shipped one, so some responses are right and most are wrong.
 */
class EvalJobTest {

    static final Path MODEL = Path.of("models/verl4j-arith-tiny");
    static final long SEED = 1;

    @TempDir
    static Path dir;

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isRegularFile(MODEL.resolve("model.safetensors")),
                "skipped: " + MODEL + "/model.safetensors is absent (the shipped model; see models/README.md)");
        spark = LocalSpark.start(EvalJobTest.class.getSimpleName());
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    private static String[] args(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("eval", "--model", MODEL.toString(), "--benchmark", "arithmetic-l4", "--benchmark", "arithmetic-l2",
                "--limit", "6", "--n", "4", "--max-new-tokens", "64", "--template", "chat", "--temperature", "1", "--top-p", "1",
                "--seed", Long.toString(SEED), "--threads", "1", "--out", out.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void tableAndFilesEqualTheSingleMachineCommand() throws IOException {
        Path cliOut = dir.resolve("cli"), jobOut = dir.resolve("job");
        JobRun cli = JobRun.cli(args(cliOut));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JobRun job = JobRun.spark(args(jobOut, "--partitions", "3"));
        assertThat(job.exitCode()).as(job.err()).isZero();

        assertThat(job.out()).as("table, seed %d", SEED).isEqualTo(cli.out()).contains("| arithmetic-l4 |").contains("| arithmetic-l2 |");
        for (String file : List.of("results.jsonl", "pass_at_k.json", "pass_at_k.md"))
            assertThat(Files.readString(jobOut.resolve(file))).as("%s, seed %d", file, SEED).isEqualTo(Files.readString(cliOut.resolve(file)));
        var results = JobRun.parse(Files.readString(jobOut.resolve("results.jsonl")));
        assertThat(results).hasSize(12);
        assertThat(results).as("verdicts of both kinds, seed %d", SEED)
                .anyMatch(r -> r.get("num_correct").asInt() > 0).anyMatch(r -> r.get("num_correct").asInt() < 4);
        assertThat(job.err()).contains("12 problem(s) × 4 sample(s)");

        EngineSpec spec = new EngineSpec(EvalJob.qualified(MODEL.toString(), spark.sparkContext().hadoopConfiguration()), DeviceOptions.engineOptions(Device.CPU, 1));
        assertThat(ExecutorEngines.opened(spec)).as("engines opened in this JVM for 3 tasks").isEqualTo(1);
    }

    /**
     * A model directory on a file system other than {@code file:} (here the local disk under another scheme) is
     * copied to local disk by the executor JVM, which opens its engine from the copy: the same table as from the
     * local directory.
     */
    @Test
    void aModelOnAnotherFileSystemIsCopiedOncePerJvm() throws IOException {
        spark.sparkContext().hadoopConfiguration().set("fs." + OtherSchemeFileSystem.SCHEME + ".impl", OtherSchemeFileSystem.class.getName());
        String remote = OtherSchemeFileSystem.SCHEME + ":" + MODEL.toAbsolutePath();
        Path local = dir.resolve("local-model"), copied = dir.resolve("copied-model");
        JobRun a = JobRun.spark(args(local, "--partitions", "2"));
        assertThat(a.exitCode()).as(a.err()).isZero();
        List<String> other = new ArrayList<>(List.of(args(copied, "--partitions", "2")));
        other.set(other.indexOf("--model") + 1, remote);
        JobRun b = JobRun.spark(other.toArray(String[]::new));
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(Files.readString(copied.resolve("results.jsonl"))).as("seed %d", SEED).isEqualTo(Files.readString(local.resolve("results.jsonl")));
        EngineSpec spec = new EngineSpec(EvalJob.qualified(remote, spark.sparkContext().hadoopConfiguration()), DeviceOptions.engineOptions(Device.CPU, 1));
        assertThat(spec.model()).startsWith(OtherSchemeFileSystem.SCHEME + ":/");
        assertThat(ExecutorEngines.opened(spec)).as("engines opened from " + remote).isEqualTo(1);
    }

    @Test
    void aProblemThatCannotBeEvaluatedFailsTheJobInOneLineNamingIt() throws IOException {
        Path split = Files.createDirectories(dir.resolve("long"));
        String ok = "{\"id\":\"a\",\"task\":\"arithmetic\",\"level\":4,\"prompt\":\"1+2\",\"answer\":\"3\",\"solution\":\"\\\\boxed{3}\"}";
        String tooLong = ok.replace("\"a\"", "\"b\"").replace("1+2", "1+".repeat(1100) + "1");
        Files.write(split.resolve("test.jsonl"), List.of(ok, tooLong));
        Path out = dir.resolve("out-long");
        JobRun job = JobRun.spark("eval", "--model", MODEL.toString(), "--benchmark", split.toString(), "--n", "2", "--max-new-tokens", "4",
                "--template", "chat", "--threads", "1", "--partitions", "2", "--out", out.toString());
        assertThat(job.exitCode()).isEqualTo(1);
        assertThat(job.err().strip()).startsWith("verl4j-spark: error: item 1 (model file:").contains("prompt eval-1 has")
                .contains("context is 2048").doesNotContain("\n").doesNotContain("at org.");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingModelIsOneLineBeforeAnyTask() {
        Path out = dir.resolve("out-missing");
        JobRun job = JobRun.spark("eval", "--model", dir.resolve("no-model").toString(), "--benchmark", "arithmetic-l2", "--limit", "1",
                "--out", out.toString());
        assertThat(job.exitCode()).isEqualTo(1);
        assertThat(job.err().strip()).startsWith("verl4j-spark: error: --model file:").endsWith("no-model: no such directory");
    }
}
