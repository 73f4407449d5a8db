package org.verl4j.cli;

import org.verl4j.io.DType;
import org.verl4j.io.NpyWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * Generates {@code benchmarks-data/example-hidden-states.npy}: one synthetic response, T = 200 rows × d = 64,
 * float32, shaped like a decoder's hidden-state trajectory — a large constant offset (hidden states are far from
 * the origin), a semantic subspace whose dimension grows as the response goes on, a slowly drifting walk inside
 * it, and small isotropic noise. Deterministic: {@link Random} (whose algorithm its javadoc fixes) with a fixed
 * seed and {@link StrictMath}, so every JVM writes the same bytes.
 *
 * <pre>
 * u_k ~ N(0, I_d)/√d  (k &lt; 24)     offset μ ~ N(0, 4·I_d)
 * r(t) = min(24, 2 + ⌊t/8⌋)         active directions at row t
 * c_k(t) = 0.9·c_k(t−1) + N(0, 1)   (k &lt; r(t); inactive: 0)
 * z_t = μ + Σ_k c_k(t)·u_k·(1 + 0.5·sin(0.05·t·(k+1))) + 0.02·N(0, I_d)
 * </pre>
 * Run: {@code mvn -q -o test-compile && java -cp target/classes:target/test-classes
 * org.verl4j.cli.ExampleHiddenStates benchmarks-data/example-hidden-states.npy}.
 */
public final class ExampleHiddenStates {

    static final int ROWS = 200, COLS = 64, DIRECTIONS = 24;
    static final long SEED = 250923808L;

    private ExampleHiddenStates() {
    }

    /** The T×d values, row-major. */
    static double[] values() {
        Random random = new Random(SEED);
        double[] mu = new double[COLS];
        for (int j = 0; j < COLS; j++) mu[j] = 2 * random.nextGaussian();
        double[][] u = new double[DIRECTIONS][COLS];
        for (double[] direction : u) for (int j = 0; j < COLS; j++) direction[j] = random.nextGaussian() / StrictMath.sqrt(COLS);
        double[] c = new double[DIRECTIONS];
        double[] z = new double[ROWS * COLS];
        for (int t = 0; t < ROWS; t++) {
            int active = Math.min(DIRECTIONS, 2 + t / 8);                     // r(t)
            for (int k = 0; k < active; k++) c[k] = 0.9 * c[k] + random.nextGaussian();
            for (int j = 0; j < COLS; j++) {
                double x = mu[j];
                for (int k = 0; k < active; k++) x += c[k] * u[k][j] * (1 + 0.5 * StrictMath.sin(0.05 * t * (k + 1)));
                z[t * COLS + j] = x + 0.02 * random.nextGaussian();
            }
        }
        return z;
    }

    /** Writes the example to {@code file} as float32. */
    static void write(Path file) throws IOException {
        NpyWriter.writeDoubles(file, DType.F32, new long[]{ROWS, COLS}, values());
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "benchmarks-data/example-hidden-states.npy"));
    }
}
