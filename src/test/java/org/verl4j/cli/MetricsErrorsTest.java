package org.verl4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.io.DType;
import org.verl4j.io.NpyWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input: exit code 1 and one line on standard error naming the file (and response, row, column). */
class MetricsErrorsTest {

    @TempDir
    Path dir;

    private static String failsWithOneLine(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("verl4j: error: ").doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
        return run.err();
    }

    private Path matrix(String name, long... shape) throws IOException {
        Path p = dir.resolve(name);
        int count = 1;
        for (long s : shape) count *= (int) s;
        double[] v = new double[count];
        for (int i = 0; i < count; i++) v[i] = Math.sin(i * 0.7) + i % 3;
        NpyWriter.writeDoubles(p, DType.F32, shape, v);
        return p;
    }

    @Test
    void missingFile() {
        assertThat(failsWithOneLine("metrics", dir.resolve("absent.npy").toString())).contains("absent.npy").contains("no such file");
    }

    @Test
    void aDirectoryIsNamedAsOne() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("dumps"));
        assertThat(failsWithOneLine("metrics", sub.toString())).contains("dumps: is a directory").contains("*.npy");
    }

    @Test
    void notAnNpyFile() throws IOException {
        Path p = dir.resolve("fake.npy");
        Files.writeString(p, "hello, this is text");
        assertThat(failsWithOneLine("metrics", p.toString())).contains("fake.npy").contains("bad magic");
    }

    @Test
    void truncatedNpyFile() throws IOException {
        Path p = matrix("cut.npy", 10, 4);
        byte[] bytes = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertThat(failsWithOneLine("metrics", p.toString())).contains("cut.npy").contains("truncated");
    }

    @Test
    void lengthsThatDoNotMatchTheBatch() throws IOException {
        Path batch = matrix("b.npy", 3, 10, 4);
        Path three = dir.resolve("two.npy");
        NpyWriter.writeLongs(three, DType.I64, new long[]{2}, new long[]{5, 5});
        assertThat(failsWithOneLine("metrics", batch.toString(), "--lengths", three.toString()))
                .contains("two.npy").contains("3 entries").contains("[2]");
        Path tooLong = dir.resolve("long.npy");
        NpyWriter.writeLongs(tooLong, DType.I64, new long[]{3}, new long[]{5, 11, 2});
        assertThat(failsWithOneLine("metrics", batch.toString(), "--lengths", tooLong.toString()))
                .contains("long.npy").contains("response 1").contains("11");
        Path floats = matrix("floats.npy", 3);
        assertThat(failsWithOneLine("metrics", batch.toString(), "--lengths", floats.toString())).contains("floats.npy");
        assertThat(failsWithOneLine("metrics", batch.toString(), "--lengths", tooLong.toString(), "--lengths", tooLong.toString()))
                .contains("2 --lengths file(s) for 1 batch");
    }

    @Test
    void nonFiniteValueNamesFileResponseRowAndColumn() throws IOException {
        Path p = dir.resolve("nan.npy");
        double[] v = new double[2 * 6 * 4];
        for (int i = 0; i < v.length; i++) v[i] = i % 5;
        v[1 * 24 + 3 * 4 + 2] = Double.NaN;                                           // response 1, row 3, column 2
        NpyWriter.writeDoubles(p, DType.F64, new long[]{2, 6, 4}, v);
        assertThat(failsWithOneLine("metrics", p.toString(), "--threads", "2"))
                .contains("nan.npy").contains("response 1").contains("row 3").contains("column 2");
    }

    @Test
    void wrongShapesTypesAndOptions() throws IOException {
        assertThat(failsWithOneLine("metrics", matrix("flat.npy", 7).toString())).contains("flat.npy").contains("[7]");
        Path ints = dir.resolve("ints.npy");
        NpyWriter.writeLongs(ints, DType.I32, new long[]{2, 2}, new long[]{1, 2, 3, 4});
        assertThat(failsWithOneLine("metrics", ints.toString())).contains("ints.npy").contains("<i4");
        Path csv = dir.resolve("z.csv");
        Files.writeString(csv, "1,2\n");
        assertThat(failsWithOneLine("metrics", csv.toString())).contains("z.csv").contains(".npy or .safetensors");
        Path ok = matrix("ok.npy", 5, 3);
        assertThat(failsWithOneLine("metrics", ok.toString(), "--truncate", "middle")).contains("--truncate");
        assertThat(failsWithOneLine("metrics", ok.toString(), "--stride", "0")).contains("stride");
        assertThat(failsWithOneLine("metrics", ok.toString(), "--lengths-from-padding", "zero")).contains("zero");
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun run = CliRun.of("metrics", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--lengths-from-padding").contains("--global").contains("--windows").contains("default 40");
    }
}
