package org.verl4j.rank;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The windowed ERV/ERA procedure of spec §3.
 *
 * <pre>
 * if T &gt; M: keep M rows (TAIL: the last, HEAD: the first; NONE keeps all)
 * windows end at t = s, 2s, … while t &lt; T          K = floor((T−1)/s)
 * E_j = ER(Z[0..t_j])                                  each window centred on its own
 * v_j = E_j − mean(E_1..E_{j−1})     j ≥ 2
 * a_j = v_j − v_{j−1}                j ≥ 3
 * ERV = mean v_j (0, unmeasured, if none)   ERA = mean a_j (0, unmeasured, if none)
 * </pre>
 */
final class WindowedRank {

    private WindowedRank() {
    }

    static RankDynamics measure(HiddenStates z, RankOptions options, boolean keepWindows, ExecutorService pool) {
        int rowsT = z.rows();
        double[] sigma = rowsT < 2 ? new double[0] : CentredSpectrum.singularValues(z, rowsT);
        double er = rowsT < 2 ? 0.0 : EffectiveRank.fromSingularValues(sigma);
        double logEr = rowsT < 2 ? 0.0 : EffectiveRank.entropy(sigma);
        int rank = EffectiveRank.traditionalRank(sigma, rowsT, z.cols());

        HiddenStates w = truncate(z, options);
        int s = options.stride();
        int k = (w.rows() - 1) / s;                                      // K = floor((T−1)/s)
        List<WindowPoint> windows = new ArrayList<>();
        double sumE = 0, sumV = 0, sumA = 0, previousV = Double.NaN;
        int countV = 0, countA = 0;
        for (int j = 1; j <= k; j++) {
            int t = j * s;
            double e = EffectiveRank.fromSingularValues(CentredSpectrum.singularValues(w, t + 1)); // E_j
            double v = j >= 2 ? e - sumE / (j - 1) : Double.NaN;       // v_j
            double a = j >= 3 ? v - previousV : Double.NaN;            // a_j
            if (j >= 2) { sumV += v; countV++; }
            if (j >= 3) { sumA += a; countA++; }
            sumE += e;
            previousV = v;
            if (keepWindows) windows.add(new WindowPoint(t, e, v, a));
        }
        double erv = countV > 0 ? sumV / countV : 0.0;
        double era = countA > 0 ? sumA / countA : 0.0;
        return new RankDynamics(rowsT, er, logEr, rank, erv, era, countV > 0, countA > 0, windows);
    }

    static HiddenStates truncate(HiddenStates z, RankOptions options) {
        int m = options.maxLen();
        if (options.truncation() == Truncation.NONE || z.rows() <= m) return z;
        return options.truncation() == Truncation.TAIL ? z.rowRange(z.rows() - m, z.rows()) : z.rowRange(0, m);
    }
}
