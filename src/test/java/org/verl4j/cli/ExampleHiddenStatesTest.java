package org.verl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped example: reproducible from its generator, and the README's quick-start command measures it fully. */
class ExampleHiddenStatesTest {

    static final Path EXAMPLE = Path.of("benchmarks-data/example-hidden-states.npy");

    @TempDir
    Path dir;

    @Test
    void committedExampleIsExactlyWhatTheGeneratorWrites() throws IOException {
        Path again = dir.resolve("example.npy");
        ExampleHiddenStates.write(again);
        assertThat(Files.readAllBytes(EXAMPLE)).isEqualTo(Files.readAllBytes(again));
        assertThat(Files.size(EXAMPLE)).isLessThan(200_000);
    }

    @Test
    void readmeCommandMeasuresErvAndEraWithFourWindows() {
        CliRun run = CliRun.of("metrics", EXAMPLE.toString(), "--windows");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(1);
        JsonNode r = lines.get(0);
        assertThat(r.get("T").asInt()).isEqualTo(ExampleHiddenStates.ROWS);
        assertThat(r.get("erv_measured").asBoolean()).isTrue();
        assertThat(r.get("era_measured").asBoolean()).isTrue();
        assertThat(r.get("windows")).extracting(w -> w.get("end").asInt()).containsExactly(40, 80, 120, 160);
        assertThat(r.get("erv").asDouble()).as("the growing subspace makes ER rise").isPositive();
    }
}
