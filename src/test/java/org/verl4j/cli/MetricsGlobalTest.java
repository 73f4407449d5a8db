package org.verl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.io.DType;
import org.verl4j.io.NpyWriter;
import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.WindowSeries;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code --global}: the dataset-level line pools the valid rows of every response of every input, in order. */
class MetricsGlobalTest {

    @TempDir
    Path dir;

    @Test
    void globalLinePoolsValidRowsAcrossInputsInOrder() throws IOException {
        int n = 70, rows = 30, d = 8;
        Random random = new Random(7);
        double[] values = new double[n * rows * d];
        for (int i = 0; i < values.length; i++) values[i] = random.nextGaussian() + (i / (rows * d)) * 0.01;
        long[] lengths = new long[n];
        for (int i = 0; i < n; i++) lengths[i] = 1 + random.nextInt(rows);
        Path batch = dir.resolve("batch.npy"), lengthFile = dir.resolve("len.npy"), single = dir.resolve("one.npy");
        NpyWriter.writeDoubles(batch, DType.F64, new long[]{n, rows, d}, values);
        NpyWriter.writeLongs(lengthFile, DType.I32, new long[]{n}, lengths);
        double[] one = Arrays.copyOf(values, 5 * d);
        NpyWriter.writeDoubles(single, DType.F64, new long[]{5, d}, one);

        CliRun run = CliRun.of("metrics", batch.toString(), single.toString(), "--lengths", lengthFile.toString(),
                "--global", "--windows");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(n + 2);
        JsonNode global = lines.get(n + 1).get("global");

        List<HiddenStates> responses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int from = i * rows * d;
            responses.add(new HiddenStates((int) lengths[i], d, Arrays.copyOfRange(values, from, from + (int) lengths[i] * d)));
        }
        responses.add(new HiddenStates(5, d, one));
        DatasetRank expected = DatasetRank.measure(responses, DatasetRank.DEFAULT_STRIDE, WindowSeries.KEEP);

        assertThat(global.get("N").asInt()).isEqualTo(n + 1);
        assertThat(global.get("d").asInt()).isEqualTo(d);
        assertThat(global.get("stride").asInt()).isEqualTo(20);
        assertThat(global.get("er").asDouble()).isCloseTo(expected.globalEr(), within(1e-12));
        assertThat(global.get("velocity").asDouble()).isCloseTo(expected.velocity(), within(1e-12));
        assertThat(global.get("acceleration").asDouble()).isCloseTo(expected.acceleration(), within(1e-12));
        assertThat(global.get("velocity_measured").asBoolean()).isTrue();                // 71 ≥ 2·20+1
        assertThat(global.get("acceleration_measured").asBoolean()).isTrue();            // 71 ≥ 3·20+1
        assertThat(global.get("windows")).hasSize(expected.windows().size());
        assertThat(lines.get(n).get("source").asText()).isEqualTo(single.toString());
    }

    @Test
    void globalStrideIsAnOptionAndFewResponsesAreUnmeasured() throws IOException {
        Path a = dir.resolve("a.npy");
        NpyWriter.writeDoubles(a, DType.F32, new long[]{3, 4, 2}, new double[]{1, 2, 3, 4, 5, 6, 7, 8, 1, 1, 2, 2, 3, 3, 4, 5,
                0, 1, 0, 2, 0, 3, 1, 1});
        JsonNode global = CliRun.of("metrics", a.toString(), "--global", "--global-stride", "1").lines().get(3).get("global");
        assertThat(global.get("N").asInt()).isEqualTo(3);
        assertThat(global.get("stride").asInt()).isEqualTo(1);
        assertThat(global.get("velocity_measured").asBoolean()).isTrue();                // 3 ≥ 2·1+1
        assertThat(global.get("acceleration_measured").asBoolean()).isFalse();           // 3 < 3·1+1
        assertThat(global.get("acceleration").asDouble()).isZero();
        assertThat(global.has("windows")).isFalse();
    }
}
