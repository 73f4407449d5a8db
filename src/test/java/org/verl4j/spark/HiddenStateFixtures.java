package org.verl4j.spark;

import org.verl4j.io.DType;
import org.verl4j.io.NamedTensor;
import org.verl4j.io.NpyWriter;
import org.verl4j.io.SafetensorsWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small hidden-state inputs for the Spark tests, every kind the metrics command reads: a single response .npy
 * (float32), a batch .npy (float64), a .safetensors of two responses (float32); 9 responses, d = 8, T from 25
 * to 41, so that with stride 4 every response has ERV and ERA, and with global stride 2 the 9 mean rows have both
 * cumulative series. Values: a random offset plus a seeded Gaussian walk (rank grows along the response).
 */
final class HiddenStateFixtures {

    static final long SEED = 20261202L;
    static final int D = 8;

    private HiddenStateFixtures() {
    }

    /** Writes a.npy, b.npy and c.safetensors into {@code dir}; returns them in path order. */
    static List<Path> write(Path dir) throws IOException {
        Random random = new Random(SEED);
        Path a = dir.resolve("a.npy"), b = dir.resolve("b.npy"), c = dir.resolve("c.safetensors");
        NpyWriter.writeDoubles(a, DType.F32, new long[]{37, D}, walk(random, 37));
        int n = 6, t = 30;
        double[] batch = new double[n * t * D];
        for (int i = 0; i < n; i++) System.arraycopy(walk(random, t), 0, batch, i * t * D, t * D);
        NpyWriter.writeDoubles(b, DType.F64, new long[]{n, t, D}, batch);
        SafetensorsWriter.write(c, List.of(
                NamedTensor.ofDoubles("r0", DType.F32, new long[]{25, D}, walk(random, 25)),
                NamedTensor.ofDoubles("r1", DType.F32, new long[]{41, D}, walk(random, 41))), Map.of());
        return List.of(a, b, c);
    }

    /** A file that is not a .npy although named so (a truncated download). */
    static Path corrupt(Path dir) throws IOException {
        return Files.write(dir.resolve("corrupt.npy"), new byte[]{(byte) 0x93, 'N', 'U', 'M'});
    }

    /** z_t = μ + Σ_{u≤t} g_u,  g_u ~ N(0, I_d),  μ ~ N(0, 9·I_d): T×d row-major. */
    private static double[] walk(Random random, int rows) {
        double[] z = new double[rows * D];
        double[] x = new double[D];
        for (int j = 0; j < D; j++) x[j] = 3 * random.nextGaussian();
        for (int t = 0; t < rows; t++)
            for (int j = 0; j < D; j++) {
                x[j] += random.nextGaussian();
                z[t * D + j] = x[j];
            }
        return z;
    }
}
