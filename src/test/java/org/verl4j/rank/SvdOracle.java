package org.verl4j.rank;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import java.util.Arrays;

/**
 * The test oracle: ER, every window's ER, ERV and ERA straight from the definitions of spec §2–§3, with a full
 * double-precision SVD (EJML) of every explicitly centred window. Nothing is shared between windows, nothing is
 * squared, no floor is applied — slow and independent of the fast path it checks.
 */
final class SvdOracle {

    /** Everything the fast path reports for one response, computed naively. */
    record Result(double er, double[] windowEr, double erv, double era, boolean ervMeasured, boolean eraMeasured) {
    }

    private SvdOracle() {
    }

    /** σ of {@code Z[from..to)} after subtracting the column means of those rows. */
    static double[] centredSingularValues(HiddenStates z, int from, int to) {
        int n = to - from, d = z.cols();
        double[] mean = new double[d];
        for (int t = from; t < to; t++) for (int j = 0; j < d; j++) mean[j] += z.get(t, j);
        for (int j = 0; j < d; j++) mean[j] /= n;
        DMatrixRMaj zc = new DMatrixRMaj(n, d);
        for (int t = 0; t < n; t++) for (int j = 0; j < d; j++) zc.unsafe_set(t, j, z.get(from + t, j) - mean[j]);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, false, true);
        if (!svd.decompose(zc)) throw new ArithmeticException("oracle SVD did not converge");
        return Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
    }

    /** ER of rows {@code [from, to)}: 0 below two rows (spec §2). */
    static double er(HiddenStates z, int from, int to) {
        if (to - from < 2) return 0.0;
        double[] sigma = centredSingularValues(z, from, to);
        double sum = 0;
        for (double s : sigma) sum += s;
        double h = 0;
        for (double s : sigma) {
            double p = s / (sum + 1e-8);
            h -= p * Math.log(p + 1e-8);
        }
        return Math.exp(h);
    }

    static Result measure(HiddenStates z, RankOptions options) {
        int rowsT = z.rows();
        double er = er(z, 0, rowsT);
        int from = 0, to = rowsT;
        if (options.truncation() != Truncation.NONE && rowsT > options.maxLen()) {
            if (options.truncation() == Truncation.TAIL) from = rowsT - options.maxLen();
            else to = options.maxLen();
        }
        int s = options.stride();
        int k = (to - from - 1) / s;
        double[] e = new double[Math.max(k, 0)];
        double[] v = new double[e.length];
        double sumV = 0, sumA = 0;
        int countV = 0, countA = 0;
        for (int j = 1; j <= k; j++) {
            e[j - 1] = er(z, from, from + j * s + 1);
            if (j >= 2) {
                double history = 0;
                for (int i = 0; i < j - 1; i++) history += e[i];
                v[j - 1] = e[j - 1] - history / (j - 1);
                sumV += v[j - 1];
                countV++;
            }
            if (j >= 3) {
                sumA += v[j - 1] - v[j - 2];
                countA++;
            }
        }
        return new Result(er, e, countV > 0 ? sumV / countV : 0, countA > 0 ? sumA / countA : 0,
                countV > 0, countA > 0);
    }
}
