package org.verl4j.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics job in local[2] against {@code verl4j metrics} run in-process on the same files: the same rows
 * (matched by file name and index, order-independent) and the same global line. The oracle is the CLI, which
 * calls the same library; equality is exact because both run the same deterministic code on the same doubles.
 */
class MetricsJobTest {

    private static final String[] OPTIONS = {"--stride", "4", "--max-len", "32", "--windows", "--global", "--global-stride", "2"};

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static Path inputs;
    private static List<Path> files;

    @BeforeAll
    static void start() throws IOException {
        spark = LocalSpark.start(MetricsJobTest.class.getSimpleName());
        inputs = Files.createDirectory(dir.resolve("in"));
        files = HiddenStateFixtures.write(inputs);
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    private static List<JsonNode> cli() {
        List<String> args = new ArrayList<>(List.of("metrics"));
        args.addAll(List.of(OPTIONS));
        for (Path f : files) args.add(f.toString());
        JobRun run = JobRun.cli(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JobRun.parse(run.out());
    }

    private static JobRun job(Path out, String... inputsAndFlags) {
        List<String> args = new ArrayList<>(List.of("metrics", "--out", out.toString()));
        args.addAll(List.of(OPTIONS));
        args.addAll(List.of(inputsAndFlags));
        return JobRun.spark(args.toArray(String[]::new));
    }

    @Test
    void rowsAndGlobalEqualTheSingleMachineCommand() {
        Path out = dir.resolve("out-all");
        JobRun run = job(out, inputs.toString());                            // a directory: its files in path order
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("9 response(s) from 3 of 3 file(s)");
        List<JsonNode> expected = cli();
        JsonNode expectedGlobal = expected.remove(expected.size() - 1);
        assertThat(byFileAndIndex(JobRun.parts(out.resolve("responses.json")))).isEqualTo(byFileAndIndex(expected));
        assertThat(JobRun.parse(readString(out.resolve("global.json")))).containsExactly(expectedGlobal);
        assertThat(out.resolve("failures.jsonl")).doesNotExist();
    }

    @Test
    void parquetHoldsTheSameRowsAsJsonLines() {
        Path out = dir.resolve("out-parquet");
        assertThat(job(out, inputs.resolve("*.npy").toString(), inputs.resolve("c.safetensors").toString()).exitCode()).isZero();
        Dataset<Row> parquet = spark.read().parquet(out.resolve("responses.parquet").toString());
        Dataset<Row> json = spark.read().schema(parquet.schema()).json(out.resolve("responses.json").toString());
        List<Row> parquetRows = parquet.collectAsList();
        assertThat(parquetRows).hasSize(9).containsExactlyInAnyOrderElementsOf(json.collectAsList());
    }

    @Test
    void aCorruptFileIsCountedAndNamedUnlessStrict() throws IOException {
        Path withCorrupt = Files.createDirectory(dir.resolve("with-corrupt"));
        for (Path f : files) Files.copy(f, withCorrupt.resolve(f.getFileName()));
        HiddenStateFixtures.corrupt(withCorrupt);

        Path out = dir.resolve("out-lenient");
        JobRun lenient = job(out, withCorrupt.toString());
        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        assertThat(lenient.err()).contains("9 response(s) from 3 of 4 file(s)").contains("1 unreadable")
                .contains("corrupt.npy: not a .npy file");
        List<JsonNode> failures = JobRun.parse(readString(out.resolve("failures.jsonl")));
        assertThat(failures).hasSize(1);
        String error = failures.get(0).get("error").asText();
        assertThat(error).startsWith("file:").contains("too short");
        assertThat(error.split("corrupt\\.npy", -1)).as("the file is named once: %s", error).hasSize(2);
        List<JsonNode> expected = cli();
        expected.remove(expected.size() - 1);
        assertThat(byFileAndIndex(JobRun.parts(out.resolve("responses.json")))).isEqualTo(byFileAndIndex(expected));

        Path strictOut = dir.resolve("out-strict");
        JobRun strict = job(strictOut, withCorrupt.toString(), "--strict");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.err()).contains("verl4j-spark: error: 1 of 4 input(s) bad under --strict").contains("corrupt.npy");
        assertThat(strictOut).doesNotExist();
    }

    @Test
    void anInputMatchingNothingIsAnError() {
        JobRun run = job(dir.resolve("out-none"), inputs.resolve("*.bin").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("verl4j-spark: error:").contains("*.bin: no such file");
    }

    /** Rows keyed by "file name#index", with the source reduced to the file name and a null tensor dropped. */
    private static Map<String, JsonNode> byFileAndIndex(List<JsonNode> rows) {
        Map<String, JsonNode> keyed = new HashMap<>();
        for (JsonNode row : rows) {
            ObjectNode o = row.deepCopy();
            String source = o.get("source").asText();
            String name = source.substring(source.lastIndexOf('/') + 1);
            o.put("source", name);
            if (o.has("tensor") && o.get("tensor").isNull()) o.remove("tensor");
            assertThat(keyed.put(name + "#" + o.get("index").asInt(), o)).as("duplicate row %s", o).isNull();
        }
        return keyed;
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError(p + " unreadable", e);
        }
    }
}
