package org.verl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.io.DType;
import org.verl4j.io.NamedTensor;
import org.verl4j.io.NpyWriter;
import org.verl4j.io.SafetensorsWriter;
import org.verl4j.rank.ResponseRank;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankDynamics;
import org.verl4j.rank.RankOptions;
import org.verl4j.rank.Truncation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code verl4j metrics} end to end. Values are checked against the spec's worked values (a float64 port of the
 * authors' code: Z[i][j] = sin((i+1)(j+1)·0.37) + cos(0.11·i² + 0.7·j)) and, for the plumbing of lengths,
 * padding and pooling, against the library called directly on the rows that should have been used.
 */
class MetricsCommandTest {

    @TempDir
    Path dir;

    static double[] trig(int rows, int cols) {
        double[] z = new double[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) z[i * cols + j] = Math.sin((i + 1) * (j + 1) * 0.37) + Math.cos(0.11 * i * i + 0.7 * j);
        return z;
    }

    private Path npy(String name, DType dtype, double[] values, long... shape) throws IOException {
        Path p = dir.resolve(name);
        NpyWriter.writeDoubles(p, dtype, shape, values);
        return p;
    }

    @Test
    void oneResponseGivesTheWorkedValues() throws IOException {
        Path z = npy("z.npy", DType.F64, trig(40, 64), 40, 64);
        CliRun run = CliRun.of("metrics", z.toString(), "--stride", "8");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(1);
        JsonNode r = lines.get(0);
        assertThat(r.get("source").asText()).isEqualTo(z.toString());
        assertThat(r.get("index").asInt()).isZero();
        assertThat(r.get("T").asInt()).isEqualTo(40);
        assertThat(r.get("d").asInt()).isEqualTo(64);
        assertThat(r.get("er").asDouble()).isCloseTo(15.880026267755, within(1e-9));
        assertThat(r.get("log_er").asDouble()).isCloseTo(Math.log(15.880026267755), within(1e-9));
        assertThat(r.get("erv").asDouble()).isCloseTo(4.0656138208, within(1e-9));
        assertThat(r.get("era").asDouble()).isCloseTo(0.2932680660, within(1e-9));
        assertThat(r.get("erv_measured").asBoolean()).isTrue();
        assertThat(r.get("era_measured").asBoolean()).isTrue();
        assertThat(r.get("traditional_rank").asInt()).isBetween(1, 40);
        assertThat(r.has("windows")).isFalse();
    }

    @Test
    void windowsListEveryStrideWithNullWhereUndefined() throws IOException {
        Path z = npy("z.npy", DType.F64, trig(12, 5), 12, 5);
        JsonNode r = CliRun.of("metrics", z.toString(), "--stride", "3", "--windows").lines().get(0);
        assertThat(r.get("erv").asDouble()).isCloseTo(1.447603179254, within(1e-11));
        assertThat(r.get("era").asDouble()).isCloseTo(0.117728590602, within(1e-11));
        JsonNode w = r.get("windows");
        assertThat(w).hasSize(3);                                            // K = ⌊(12−1)/3⌋ = 3: ends 3, 6, 9
        assertThat(w.get(0).get("end").asInt()).isEqualTo(3);
        assertThat(w.get(0).get("v").isNull()).isTrue();
        assertThat(w.get(0).get("a").isNull()).isTrue();
        assertThat(w.get(1).get("a").isNull()).isTrue();
        assertThat(w.get(2).get("a").asDouble()).isCloseTo(0.117728590602, within(1e-11)); // one a_j: ERA = a_3
        double meanV = (w.get(1).get("v").asDouble() + w.get(2).get("v").asDouble()) / 2;
        assertThat(meanV).isCloseTo(1.447603179254, within(1e-11));
    }

    /** Batch 3×40×64: the worked Z, its first 12 rows then junk, one row then junk. */
    private double[] batch(double junk, boolean zeroRowInside) {
        double[] z = trig(40, 64);
        double[] b = new double[3 * 40 * 64];
        System.arraycopy(z, 0, b, 0, z.length);
        Arrays.fill(b, 40 * 64, b.length, junk);
        System.arraycopy(z, 0, b, 40 * 64, 12 * 64);
        if (zeroRowInside) Arrays.fill(b, 40 * 64 + 5 * 64, 40 * 64 + 6 * 64, junk);   // row 5 of response 1 = VALUE
        System.arraycopy(z, 0, b, 2 * 40 * 64, 64);
        return b;
    }

    private static RankDynamics direct(double[] batch, int response, int rows, int stride) {
        double[] z = Arrays.copyOfRange(batch, response * 40 * 64, response * 40 * 64 + rows * 64);
        return ResponseRank.measure(new HiddenStates(rows, 64, z), new RankOptions(stride, 512, Truncation.TAIL));
    }

    private static void assertMatches(JsonNode line, RankDynamics r, int rows) {
        assertThat(line.get("T").asInt()).isEqualTo(rows);
        assertThat(line.get("er").asDouble()).isCloseTo(r.er(), within(1e-12));
        assertThat(line.get("erv").asDouble()).isCloseTo(r.erv(), within(1e-12));
        assertThat(line.get("era").asDouble()).isCloseTo(r.era(), within(1e-12));
        assertThat(line.get("erv_measured").asBoolean()).isEqualTo(r.ervMeasured());
        assertThat(line.get("era_measured").asBoolean()).isEqualTo(r.eraMeasured());
    }

    @Test
    void batchWithALengthsFileUsesOnlyTheValidRows() throws IOException {
        double[] b = batch(7.0, false);
        Path batch = npy("batch.npy", DType.F64, b, 3, 40, 64);
        Path lengths = dir.resolve("lengths.npy");
        NpyWriter.writeLongs(lengths, DType.I64, new long[]{3}, new long[]{40, 12, 1});
        CliRun run = CliRun.of("metrics", batch.toString(), "--lengths", lengths.toString(), "--stride", "3", "--threads", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).extracting(l -> l.get("index").asInt()).containsExactly(0, 1, 2);
        assertMatches(lines.get(0), direct(b, 0, 40, 3), 40);
        assertMatches(lines.get(1), direct(b, 1, 12, 3), 12);
        assertThat(lines.get(2).get("T").asInt()).isEqualTo(1);
        assertThat(lines.get(2).get("er").asDouble()).isZero();                     // T < 2 → ER = 0 (ALGORITHM.md §2)
        assertThat(lines.get(2).get("erv_measured").asBoolean()).isFalse();
        assertThat(CliRun.of("metrics", batch.toString(), "--lengths", lengths.toString(), "--stride", "3", "--threads", "1").out())
                .isEqualTo(run.out());
    }

    @Test
    void trailingPaddingRowsAreCutAndEarlierEqualRowsKept() throws IOException {
        double[] b = batch(0.0, true);
        Path batch = npy("padded.npy", DType.F32, b, 3, 40, 64);
        List<JsonNode> lines = CliRun.of("metrics", batch.toString(), "--lengths-from-padding", "0", "--stride", "3").lines();
        double[] asFloat = new double[b.length];
        for (int i = 0; i < b.length; i++) asFloat[i] = (float) b[i];
        assertThat(lines).extracting(l -> l.get("T").asInt()).containsExactly(40, 12, 1);
        assertMatches(lines.get(1), direct(asFloat, 1, 12, 3), 12);                 // row 5 (all 0) is data

        double[] nanPadded = batch(Double.NaN, false);
        Path nan = npy("nan.npy", DType.F16, nanPadded, 3, 40, 64);
        List<JsonNode> nanLines = CliRun.of("metrics", nan.toString(), "--lengths-from-padding", "nan").lines();
        assertThat(nanLines).extracting(l -> l.get("T").asInt()).containsExactly(40, 12, 1);
    }

    @Test
    void safetensorsInputHasOneResponsePerTensorNamedInTheOutput() throws IOException {
        Path st = dir.resolve("states.safetensors");
        SafetensorsWriter.write(st, List.of(
                NamedTensor.ofDoubles("prompt7/sample0", DType.F64, new long[]{40, 64}, trig(40, 64)),
                NamedTensor.ofDoubles("prompt7/sample1", DType.BF16, new long[]{12, 5}, trig(12, 5))), Map.of());
        List<JsonNode> lines = CliRun.of("metrics", st.toString(), "--stride", "8").lines();
        assertThat(lines).extracting(l -> l.get("tensor").asText()).containsExactly("prompt7/sample0", "prompt7/sample1");
        assertThat(lines).extracting(l -> l.get("index").asInt()).containsExactly(0, 1);
        assertThat(lines.get(0).get("erv").asDouble()).isCloseTo(4.0656138208, within(1e-9));
        assertThat(lines.get(1).get("d").asInt()).isEqualTo(5);
    }

    @Test
    void severalInputsAreReadInOrderAndOutGoesToAFile() throws IOException {
        Path a = npy("a.npy", DType.F64, trig(40, 64), 40, 64);
        Path b = npy("b.npy", DType.F32, trig(12, 5), 12, 5);
        Path out = dir.resolve("sub/metrics.jsonl");
        CliRun run = CliRun.of("metrics", a.toString(), b.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        List<JsonNode> lines = CliRun.parse(Files.readString(out));
        assertThat(lines).extracting(l -> l.get("source").asText()).containsExactly(a.toString(), b.toString());
        assertThat(lines.get(0).get("erv_measured").asBoolean()).isFalse();        // 40 < 2·40+1 at s = 40
    }

    /** A Fortran-order batch 2×12×5 written by hand: element (i, t, j) at i + N·(t + T·j); response 1 = worked Z. */
    @Test
    void fortranOrderBatchIsReadResponseByResponse() throws IOException {
        int n = 2, rows = 12, cols = 5;
        double[] z = trig(rows, cols);
        String dict = "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 12, 5), }";
        int total = (10 + dict.length() + 1 + 63) / 64 * 64;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(total + 8 * n * rows * cols).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) (total - 10)).put((dict + " ".repeat(total - 11 - dict.length()) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int j = 0; j < cols; j++)
            for (int t = 0; t < rows; t++)
                for (int i = 0; i < n; i++) b.putDouble(i == 1 ? z[t * cols + j] : t == j ? 1 : 0);
        Path p = dir.resolve("fortran.npy");
        Files.write(p, b.array());
        List<JsonNode> lines = CliRun.of("metrics", p.toString(), "--stride", "3").lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).get("erv").asDouble()).isCloseTo(1.447603179254, within(1e-11));
        assertThat(lines.get(1).get("era").asDouble()).isCloseTo(0.117728590602, within(1e-11));
        assertThat(lines.get(0).get("traditional_rank").asInt()).isEqualTo(5);      // rows e_0..e_4 then zeros
    }

    @Test
    void paddingAlsoAppliesToSafetensorsTensors() throws IOException {
        double[] z = Arrays.copyOf(trig(12, 5), 20 * 5);                        // 12 rows of Z, 8 rows of 0
        Path st = dir.resolve("padded.safetensors");
        SafetensorsWriter.write(st, List.of(NamedTensor.ofDoubles("r", DType.F64, new long[]{20, 5}, z)), Map.of());
        JsonNode r = CliRun.of("metrics", st.toString(), "--stride", "3", "--lengths-from-padding", "0").lines().get(0);
        assertThat(r.get("T").asInt()).isEqualTo(12);
        assertThat(r.get("erv").asDouble()).isCloseTo(1.447603179254, within(1e-11));
    }
}
