package org.verl4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.io.DType;
import org.verl4j.io.NpyWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Inputs with nothing in them are errors naming the file, not silent success (issue 11). */
class MetricsEmptyInputsTest {

    @TempDir
    Path dir;

    @Test
    void globalOnAnEmptyBatchNamesTheFile() throws IOException {
        Path empty = dir.resolve("empty-batch.npy");
        NpyWriter.writeDoubles(empty, DType.F32, new long[] {0, 5, 3}, new double[0]);
        CliRun run = CliRun.of("metrics", empty.toString(), "--global");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip()).startsWith("verl4j: error: ").contains("empty-batch.npy (0 responses)")
                .contains("--global").doesNotContain("\n");
    }

    @Test
    void aSafetensorsFileWithoutTensorsIsAnError() throws IOException {
        byte[] header = "{\"__metadata__\":{\"format\":\"pt\"}}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);                       // safetensors: u64 LE header length, JSON header
        Path file = Files.write(dir.resolve("none.safetensors"), b.array());
        CliRun run = CliRun.of("metrics", file.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip()).isEqualTo("verl4j: error: " + file + ": holds no tensors (an empty safetensors file): nothing to measure");
        assertThat(run.out()).isEmpty();
    }
}
