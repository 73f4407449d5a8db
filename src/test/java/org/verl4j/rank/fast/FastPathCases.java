package org.verl4j.rank.fast;

import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankOptions;
import org.verl4j.rank.Truncation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The varied inputs on which the fast path must agree with {@link org.verl4j.rank.SvdRank}, the definition: random, hidden-state-like,
 * rank-deficient, duplicated, constant, frozen, tiny and large scales, float32-rounded, short and long.
 * Every matrix is generated here from a fixed seed.
 */
final class FastPathCases {

    record Case(String name, HiddenStates z, RankOptions options) {
        @Override
        public String toString() {
            return name + " " + z.rows() + "×" + z.cols() + " s=" + options.stride() + " M=" + options.maxLen()
                    + " " + options.truncation();
        }
    }

    private FastPathCases() {
    }

    static HiddenStates gaussian(int rows, int cols, double scale, long seed) {
        Random rng = new Random(seed);
        double[] x = new double[rows * cols];
        for (int i = 0; i < x.length; i++) x[i] = scale * rng.nextGaussian();
        return new HiddenStates(rows, cols, x);
    }

    /** Z = A·B (rank ≤ r) for Gaussian A (T×r), B (r×d), times {@code scale}. */
    static HiddenStates lowRank(int rows, int cols, int rank, double scale, long seed) {
        Random rng = new Random(seed);
        double[] a = new double[rows * rank], b = new double[rank * cols], x = new double[rows * cols];
        for (int i = 0; i < a.length; i++) a[i] = rng.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = rng.nextGaussian();
        for (int t = 0; t < rows; t++)
            for (int q = 0; q < rank; q++)
                for (int j = 0; j < cols; j++) x[t * cols + j] += scale * a[t * rank + q] * b[q * cols + j];
        return new HiddenStates(rows, cols, x);
    }

    /**
     * Like final-norm hidden states: a few strong directions drifting over the tokens, isotropic noise, large
     * per-column offsets, and a few "massive" columns with 100× the spread.
     */
    static HiddenStates hiddenStateLike(int rows, int cols, long seed) {
        Random rng = new Random(seed);
        HiddenStates base = lowRank(rows, cols, 8, 1.0, seed + 1);
        double[] x = base.data();
        double[] offset = new double[cols];
        for (int j = 0; j < cols; j++) offset[j] = 1e3 * rng.nextGaussian();
        for (int t = 0; t < rows; t++)
            for (int j = 0; j < cols; j++) {
                double massive = j % 97 == 3 ? 100 : 1;
                x[t * cols + j] = massive * (x[t * cols + j] + 0.3 * rng.nextGaussian()) + offset[j];
            }
        return new HiddenStates(rows, cols, x);
    }

    static HiddenStates float32(HiddenStates z) {
        double[] x = z.data().clone();
        for (int i = 0; i < x.length; i++) x[i] = (float) x[i];
        return new HiddenStates(z.rows(), z.cols(), x);
    }

    static HiddenStates duplicatedRows(int rows, int cols, long seed) {
        HiddenStates g = gaussian(rows, cols, 1, seed);
        double[] x = g.data();
        for (int t = 1; t < rows; t += 2) System.arraycopy(x, (t - 1) * cols, x, t * cols, cols);
        return g;
    }

    static HiddenStates constantRows(int rows, int cols) {
        double[] x = new double[rows * cols];
        for (int i = 0; i < x.length; i++) x[i] = 3.25 + (i % cols) * 0.5;
        return new HiddenStates(rows, cols, x);
    }

    static HiddenStates frozenTail(int rows, int cols, int frozenFrom, long seed) {
        HiddenStates g = gaussian(rows, cols, 1, seed);
        double[] x = g.data();
        for (int t = frozenFrom + 1; t < rows; t++) System.arraycopy(x, frozenFrom * cols, x, t * cols, cols);
        return g;
    }

    static List<Case> all() {
        RankOptions s4 = new RankOptions(4, 512, Truncation.TAIL);
        RankOptions s8 = new RankOptions(8, 512, Truncation.TAIL);
        RankOptions s10 = new RankOptions(10, 512, Truncation.TAIL);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("gaussian T<d", gaussian(60, 90, 1, 1), s8));
        cases.add(new Case("gaussian T>d", gaussian(90, 24, 1, 2), s8));
        cases.add(new Case("gaussian T≈d", gaussian(41, 40, 1, 3), s4));
        cases.add(new Case("hidden-state-like T<d", hiddenStateLike(100, 160, 4), s10));
        cases.add(new Case("hidden-state-like T>d", hiddenStateLike(150, 48, 5), s10));
        cases.add(new Case("hidden-state-like float32", float32(hiddenStateLike(120, 100, 6)), s10));
        cases.add(new Case("rank 3", lowRank(70, 40, 3, 1, 7), s8));
        cases.add(new Case("rank 5 T>d", lowRank(90, 30, 5, 1, 8), s8));
        cases.add(new Case("rank 60", lowRank(100, 120, 60, 1, 9), s10));
        cases.add(new Case("rank 5 float32", float32(lowRank(80, 60, 5, 1, 10)), s8));
        cases.add(new Case("rank 5 + offset 1e3, float32", float32(offset(lowRank(90, 70, 5, 1, 26), 1e3, 27)), s8));
        cases.add(new Case("rank 40 + offset 300, float32", float32(offset(lowRank(90, 120, 40, 1, 28), 300, 29)), s8));
        cases.add(new Case("near-square T = d+1", hiddenStateLike(101, 100, 30), s10));
        cases.add(new Case("duplicated rows", duplicatedRows(60, 50, 11), s8));
        cases.add(new Case("duplicated rows T>d", duplicatedRows(80, 20, 12), s8));
        cases.add(new Case("constant rows", constantRows(50, 30), s8));
        cases.add(new Case("frozen tail", frozenTail(70, 40, 30, 13), s8));
        cases.add(new Case("frozen tail T>d", frozenTail(90, 16, 50, 14), s8));
        for (double scale : new double[]{1e-300, 1e-12, 1e-6, 1e4, 1e200})   // 1e±: squares under/overflow
            cases.add(new Case("gaussian scale " + scale, gaussian(50, 30, scale, 15), s8));
        cases.add(new Case("hidden-state-like scale 1e-12", scaled(hiddenStateLike(60, 40, 16), 1e-12), s8));
        cases.add(new Case("T < 2s+1", gaussian(16, 12, 1, 17), s8));
        cases.add(new Case("T = 2s+1", gaussian(17, 12, 1, 18), s8));
        cases.add(new Case("T = 3s+1", gaussian(25, 12, 1, 19), s8));
        cases.add(new Case("T = 2", gaussian(2, 5, 1, 20), s8));
        cases.add(new Case("d = 1", gaussian(40, 1, 1, 21), s4));
        cases.add(new Case("tail cut", gaussian(75, 20, 1, 22), new RankOptions(6, 50, Truncation.TAIL)));
        cases.add(new Case("head cut", gaussian(75, 20, 1, 23), new RankOptions(6, 50, Truncation.HEAD)));
        cases.add(new Case("no cut", gaussian(75, 20, 1, 24), new RankOptions(6, 50, Truncation.NONE)));
        cases.add(new Case("tail cut T<d", hiddenStateLike(90, 100, 25), new RankOptions(7, 64, Truncation.TAIL)));
        // Near-square windows: σ_min ≪ σ_max, the squared route refuses and the bidiagonal fallback answers.
        cases.add(new Case("T = d", hiddenStateLike(80, 80, 34), s10));
        cases.add(new Case("T = d − 1", gaussian(79, 80, 1, 35), s10));
        cases.add(new Case("near-square T = d + 1, float32", float32(hiddenStateLike(81, 80, 36)), s10));
        cases.add(new Case("rank 10 T = d, float32", float32(offset(lowRank(64, 64, 10, 1, 37), 100, 38)), s8));
        cases.add(new Case("rank 20 T>d, float32", float32(lowRank(120, 50, 20, 1, 39)), s10));
        cases.add(new Case("300×300", hiddenStateLike(300, 300, 40), new RankOptions(60, 512, Truncation.TAIL)));
        return cases;
    }

    /** Adds a Gaussian offset of size {@code size} to every column (the same for all rows). */
    static HiddenStates offset(HiddenStates z, double size, long seed) {
        Random rng = new Random(seed);
        double[] x = z.data().clone();
        for (int j = 0; j < z.cols(); j++) {
            double b = size * rng.nextGaussian();
            for (int t = 0; t < z.rows(); t++) x[t * z.cols() + j] += b;
        }
        return new HiddenStates(z.rows(), z.cols(), x);
    }

    static HiddenStates scaled(HiddenStates z, double c) {
        double[] x = z.data().clone();
        for (int i = 0; i < x.length; i++) x[i] *= c;
        return new HiddenStates(z.rows(), z.cols(), x);
    }
}
