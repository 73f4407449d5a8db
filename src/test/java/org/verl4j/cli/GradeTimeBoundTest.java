package org.verl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** issue 11: a grade run over runaway digit strings mixed with ordinary items stays within (items/threads + 1) × deadline. */
class GradeTimeBoundTest {

    @TempDir
    Path dir;

    @Test
    void runawayDigitsMixedWithOrdinaryItemsFinishWithinTheBound() throws IOException {
        String runaway = "9".repeat(40_000);
        List<String> lines = new ArrayList<>();
        int items = 12;
        for (int k = 0; k < items; k++) {
            String response = k % 4 == 0 ? "I keep going " + runaway + " and " + runaway.substring(1) + "0" : "thus \\\\boxed{" + k + "}";
            lines.add("{\"response\":\"" + response + "\",\"answer\":\"" + k + "\"}");
        }
        Path in = Files.write(dir.resolve("mixed.jsonl"), lines);
        long timeoutMillis = 1_000;                  // small, yet above a loaded machine's JVM warm-up
        int threads = 2;
        long t0 = System.nanoTime();
        CliRun run = CliRun.of("grade", "--input", in.toString(), "--threads", "" + threads, "--timeout-ms", "" + timeoutMillis);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(run.exitCode()).as(run.err()).isZero();
        int w = Math.min(threads, Runtime.getRuntime().availableProcessors());
        assertThat(millis).isLessThanOrEqualTo((items / w + 1) * timeoutMillis);
        List<JsonNode> out = run.lines();
        assertThat(out).hasSize(items);
        for (int k = 0; k < items; k++) {
            assertThat(out.get(k).get("correct").asBoolean()).as("line %d", k).isEqualTo(k % 4 != 0);
        }
    }

    @Test
    void anAbsurdThreadCountIsCappedWithANote() throws IOException {
        Path in = Files.write(dir.resolve("ok.jsonl"), List.of("{\"response\":\"\\\\boxed{1}\",\"answer\":\"1\"}"));
        CliRun run = CliRun.of("grade", "--input", in.toString(), "--threads", "100000");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("--threads 100000 capped at " + Runtime.getRuntime().availableProcessors());
        assertThat(run.lines().get(0).get("correct").asBoolean()).isTrue();
        assertThat(CliRun.of("grade", "--input", in.toString(), "--threads", "0").err()).contains("--threads must be at least 1");
    }
}
