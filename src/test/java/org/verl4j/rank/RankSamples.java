package org.verl4j.rank;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

import java.util.Arrays;
import java.util.Random;

/**
 * Generators and a naive oracle for the rank properties. Matrices are small (T ≤ 60, d ≤ 24) and their entries
 * are float32 values, as hidden states captured from a model are: the mean of identical rows is then exact in
 * double, so the all-equal edge value is exact (arbitrary doubles are probed separately).
 */
final class RankSamples {

    /** The degenerate families the properties must survive, plus the generic one. */
    enum Kind {
        GAUSSIAN,        // iid N(0, σ²) with a column offset
        RANK_DEFICIENT,  // integer A(T×r)·B(r×d), r < min(T−1, d) when possible: exact low rank
        DUPLICATED_ROWS, // m ≤ T distinct rows, each row of Z one of them
        TINY_SCALE,      // N(0, 1)·1e-10: Σσ far below ε = 1e-8
        CONSTANT         // every row the same vector: Zc = 0
    }

    /** One generated matrix with its family (shown when a property fails). */
    record Sample(Kind kind, HiddenStates z) {
        @Override
        public String toString() {
            return kind + " " + z.rows() + "×" + z.cols() + " " + Arrays.deepToString(z.toArray());
        }
    }

    /** A trajectory with the stride it is measured at. */
    record Trajectory(Sample sample, int stride) {
        HiddenStates z() {
            return sample.z();
        }

        RankOptions options() {
            return new RankOptions(stride, 512, Truncation.TAIL);
        }
    }

    private RankSamples() {
    }

    static Arbitrary<Sample> matrices(int minRows) {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(minRows, 60),
                Arbitraries.integers().between(1, 24), Arbitraries.longs()).as(RankSamples::sample);
    }

    /** Trajectories of T ∈ [2, 60] rows at a stride s ∈ [1, 12]: short ones (T &lt; 2s+1) occur too. */
    static Arbitrary<Trajectory> trajectories() {
        return Combinators.combine(matrices(2), Arbitraries.integers().between(1, 12)).as(Trajectory::new);
    }

    static Sample sample(Kind kind, int rowsT, int d, long seed) {
        Random random = new Random(seed);
        double[][] z = new double[rowsT][d];
        switch (kind) {
            case GAUSSIAN -> fill(z, random, 0.5 + 4 * random.nextDouble());
            case TINY_SCALE -> fill(z, random, 1e-10);
            case CONSTANT -> {
                double[] row = gaussianRow(random, d, 3);
                for (double[] r : z) System.arraycopy(row, 0, r, 0, d);
            }
            case DUPLICATED_ROWS -> {
                double[][] distinct = new double[1 + random.nextInt(Math.max(1, rowsT / 2))][];
                for (int i = 0; i < distinct.length; i++) distinct[i] = gaussianRow(random, d, 2);
                for (double[] r : z) System.arraycopy(distinct[random.nextInt(distinct.length)], 0, r, 0, d);
            }
            case RANK_DEFICIENT -> {
                int rank = 1 + random.nextInt(Math.max(1, Math.min(rowsT - 2, d - 1)));
                int[][] a = integers(random, rowsT, rank), b = integers(random, rank, d);
                for (int t = 0; t < rowsT; t++)
                    for (int j = 0; j < d; j++)
                        for (int k = 0; k < rank; k++) z[t][j] += a[t][k] * b[k][j];
            }
        }
        if (kind != Kind.TINY_SCALE) {
            double[] offset = gaussianRow(random, d, 5);                    // a column offset centring must remove
            if (kind == Kind.RANK_DEFICIENT)                                // quarters keep the integer rank exact
                for (int j = 0; j < d; j++) offset[j] = Math.rint(4 * offset[j]) / 4;
            for (double[] r : z) for (int j = 0; j < d; j++) r[j] = (float) (r[j] + offset[j]);
        }
        return new Sample(kind, HiddenStates.of(z));
    }

    private static void fill(double[][] z, Random random, double scale) {
        for (double[] r : z) for (int j = 0; j < r.length; j++) r[j] = (float) (scale * random.nextGaussian());
    }

    private static double[] gaussianRow(Random random, int d, double scale) {
        double[] row = new double[d];
        for (int j = 0; j < d; j++) row[j] = (float) (scale * random.nextGaussian());
        return row;
    }

    private static int[][] integers(Random random, int rows, int cols) {
        int[][] m = new int[rows][cols];
        for (int[] r : m) for (int j = 0; j < cols; j++) r[j] = random.nextInt(7) - 3;
        return m;
    }

    /** A Haar-ish random orthogonal d×d matrix: Q of the QR decomposition of a Gaussian matrix. */
    static double[][] orthogonal(int d, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj g = new DMatrixRMaj(d, d);
        for (int i = 0; i < d * d; i++) g.data[i] = random.nextGaussian();
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, d);
        if (!qr.decompose(g)) throw new IllegalStateException("QR failed");
        DMatrixRMaj q = qr.getQ(null, false);
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) out[i][j] = q.get(i, j);
        return out;
    }

    /** Z·Q. */
    static HiddenStates times(HiddenStates z, double[][] q) {
        double[][] out = new double[z.rows()][z.cols()];
        for (int t = 0; t < z.rows(); t++)
            for (int k = 0; k < z.cols(); k++)
                for (int j = 0; j < z.cols(); j++) out[t][k] += z.get(t, j) * q[j][k];
        return new HiddenStates(z.rows(), z.cols(), flatten(out));
    }

    /** Row t of the result is row perm[t] of Z. */
    static HiddenStates permuteRows(HiddenStates z, int[] perm) {
        double[] out = new double[z.data().length];
        for (int t = 0; t < z.rows(); t++) System.arraycopy(z.data(), perm[t] * z.cols(), out, t * z.cols(), z.cols());
        return new HiddenStates(z.rows(), z.cols(), out);
    }

    static int[] shuffled(int n, Random random) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[k];
            perm[k] = tmp;
        }
        return perm;
    }

    static double[] flatten(double[][] z) {
        double[] out = new double[z.length * (z.length == 0 ? 0 : z[0].length)];
        for (int t = 0; t < z.length; t++) System.arraycopy(z[t], 0, out, t * z[t].length, z[t].length);
        return out;
    }

    /** The definition ({@link SvdRank}: a full EJML SVD of the centred matrix), sorted descending. */
    static double[] centredSingularValues(HiddenStates z) {
        double[] sigma = SvdRank.singularValues(z, 0, z.rows());
        Arrays.sort(sigma);
        for (int i = 0; i < sigma.length / 2; i++) {
            double tmp = sigma[i];
            sigma[i] = sigma[sigma.length - 1 - i];
            sigma[sigma.length - 1 - i] = tmp;
        }
        return sigma;
    }

    static DMatrixRMaj centred(HiddenStates z) {
        DMatrixRMaj zc = new DMatrixRMaj(z.rows(), z.cols());
        for (int j = 0; j < z.cols(); j++) {
            double mean = 0;
            for (int t = 0; t < z.rows(); t++) mean += z.get(t, j);
            mean /= z.rows();
            for (int t = 0; t < z.rows(); t++) zc.set(t, j, z.get(t, j) - mean);
        }
        return zc;
    }

    /** rank(Zc): singular values above σ_max·1e-10 (the generated ranks are exact, round-off is ~1e-16). */
    static int numericalRank(double[] sigma) {
        int r = 0;
        for (double s : sigma) if (s > sigma[0] * 1e-10) r++;
        return r;
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }
}
