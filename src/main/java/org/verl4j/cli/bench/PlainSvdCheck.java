package org.verl4j.cli.bench;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.verl4j.rank.EffectiveRank;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankDynamics;
import org.verl4j.rank.RankOptions;
import org.verl4j.rank.Truncation;
import org.verl4j.rank.WindowPoint;

import java.util.Arrays;
import java.util.List;

/**
 * The bench's spot check: the largest relative deviation of the fast path from a plain full SVD of every
 * explicitly centred window (ER, each window's ER, ERV and ERA — the last two relative to the windows' mean ER).
 */
final class PlainSvdCheck {

    private PlainSvdCheck() {
    }

    static double maxRelativeDeviation(HiddenStates z, RankOptions options) {
        RankDynamics fast = RankDynamics.measure(z, options, true);
        double worst = relative(fast.er(), er(z, 0, z.rows()), 1e-300);
        int from = options.truncation() == Truncation.TAIL ? Math.max(0, z.rows() - options.maxLen()) : 0;
        List<WindowPoint> windows = fast.windows();
        double[] e = new double[windows.size()];
        double sumE = 0, sumV = 0, sumA = 0, previousV = 0, meanE = 0;
        for (int j = 1; j <= e.length; j++) {
            e[j - 1] = er(z, from, from + windows.get(j - 1).end() + 1);
            worst = Math.max(worst, relative(windows.get(j - 1).er(), e[j - 1], 1e-300));
            meanE += e[j - 1] / e.length;
            double v = j >= 2 ? e[j - 1] - sumE / (j - 1) : 0;
            if (j >= 2) sumV += v;
            if (j >= 3) sumA += v - previousV;
            sumE += e[j - 1];
            previousV = v;
        }
        double erv = e.length >= 2 ? sumV / (e.length - 1) : 0, era = e.length >= 3 ? sumA / (e.length - 2) : 0;
        worst = Math.max(worst, relative(fast.erv(), erv, meanE));
        return Math.max(worst, relative(fast.era(), era, meanE));
    }

    private static double relative(double a, double b, double scale) {
        return a == b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), Math.abs(scale));
    }

    private static double er(HiddenStates z, int from, int to) {
        int n = to - from, d = z.cols();
        if (n < 2) return 0;
        double[] mean = new double[d];
        for (int t = from; t < to; t++) for (int j = 0; j < d; j++) mean[j] += z.get(t, j) / n;
        DMatrixRMaj zc = new DMatrixRMaj(n, d);
        for (int t = 0; t < n; t++) for (int j = 0; j < d; j++) zc.unsafe_set(t, j, z.get(from + t, j) - mean[j]);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, false, true);
        if (!svd.decompose(zc)) throw new ArithmeticException("plain SVD did not converge");
        return EffectiveRank.fromSingularValues(Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues()));
    }
}
