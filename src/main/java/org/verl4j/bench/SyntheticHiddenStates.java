package org.verl4j.bench;

import org.verl4j.rank.HiddenStates;

import java.util.SplittableRandom;

/**
 * Deterministic hidden-state-like matrices for benchmarks: a few strong directions whose weights drift over the
 * tokens, isotropic noise, large per-column offsets and a few "massive" columns with 20× the spread — the
 * features of final-norm hidden states that matter to the Effective Rank's numerics. Same seed, same matrix.
 */
public final class SyntheticHiddenStates {

    private static final int DIRECTIONS = 16;

    private SyntheticHiddenStates() {
    }

    public static HiddenStates generate(int rows, int cols, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] basis = new double[DIRECTIONS * cols];
        for (int i = 0; i < basis.length; i++) basis[i] = gaussian(rng);
        double[] offset = new double[cols], spread = new double[cols];
        for (int j = 0; j < cols; j++) {
            offset[j] = 30 * gaussian(rng);
            spread[j] = j % 128 == 7 ? 20 : 1;                       // a few massive dimensions
        }
        double[] weight = new double[DIRECTIONS];
        double[] x = new double[rows * cols];
        for (int t = 0; t < rows; t++) {
            for (int q = 0; q < DIRECTIONS; q++) weight[q] = 0.9 * weight[q] + gaussian(rng) / (1 + q); // drift
            for (int j = 0; j < cols; j++) {
                double v = 0.5 * gaussian(rng);                       // noise
                for (int q = 0; q < DIRECTIONS; q++) v += weight[q] * basis[q * cols + j];
                x[t * cols + j] = (float) (offset[j] + spread[j] * v);   // values as captured in float32
            }
        }
        return new HiddenStates(rows, cols, x);
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
