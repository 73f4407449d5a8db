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
 * The window t_j has m_j = t_j = j·s Helmert rows. When the kept rows start at row 0 (no truncation, HEAD, or
 * T ≤ M) the whole response is one more prefix of the same Helmert matrix, so one {@link PrefixSpectra} call
 * serves the windows and the response-level ER; a TAIL cut needs a second one for the whole response.
 */
final class WindowedRank {

    private WindowedRank() {
    }

    static RankDynamics measure(HiddenStates z, RankOptions options, boolean keepWindows, ExecutorService pool) {
        int rowsT = z.rows();
        int from = 0, to = rowsT;
        if (options.truncation() != Truncation.NONE && rowsT > options.maxLen()) {
            if (options.truncation() == Truncation.TAIL) from = rowsT - options.maxLen();
            else to = options.maxLen();
        }
        int s = options.stride();
        int k = Math.max(to - from - 1, 0) / s;                          // K = floor((T'−1)/s)
        int[] windows = new int[k];
        for (int j = 1; j <= k; j++) windows[j - 1] = j * s;             // m_j Helmert rows
        double[][] windowSigma;
        double[] sigma;                                                   // σ of the whole response
        if (rowsT < 2) {
            windowSigma = new double[0][];
            sigma = new double[0];
        } else if (from == 0) {
            int[] ms = java.util.Arrays.copyOf(windows, k + 1);
            ms[k] = rowsT - 1;
            double[][] all = PrefixSpectra.of(HelmertRows.of(z, 0, rowsT), z.cols(), ms, pool);
            windowSigma = java.util.Arrays.copyOf(all, k);
            sigma = all[k];
        } else {
            windowSigma = PrefixSpectra.of(HelmertRows.of(z, from, to - from), z.cols(), windows, pool);
            sigma = PrefixSpectra.of(HelmertRows.of(z, 0, rowsT), z.cols(), new int[]{rowsT - 1}, pool)[0];
        }
        double er = rowsT < 2 ? 0.0 : EffectiveRank.fromSingularValues(sigma);
        double logEr = rowsT < 2 ? 0.0 : EffectiveRank.entropy(sigma);
        int rank = EffectiveRank.traditionalRank(sigma, rowsT, z.cols());

        List<WindowPoint> points = new ArrayList<>();
        double sumE = 0, sumV = 0, sumA = 0, previousV = Double.NaN;
        int countV = 0, countA = 0;
        for (int j = 1; j <= k; j++) {
            double e = EffectiveRank.fromSingularValues(windowSigma[j - 1]);   // E_j
            double v = j >= 2 ? e - sumE / (j - 1) : Double.NaN;              // v_j
            double a = j >= 3 ? v - previousV : Double.NaN;                   // a_j
            if (j >= 2) { sumV += v; countV++; }
            if (j >= 3) { sumA += a; countA++; }
            sumE += e;
            previousV = v;
            if (keepWindows) points.add(new WindowPoint(j * s, e, v, a));
        }
        double erv = countV > 0 ? sumV / countV : 0.0;
        double era = countA > 0 ? sumA / countA : 0.0;
        return new RankDynamics(rowsT, er, logEr, rank, erv, era, countV > 0, countA > 0, points);
    }

    /** σ of the whole (centred) response, by the fast path. */
    static double[] singularValues(HiddenStates z) {
        if (z.rows() < 2) return new double[0];
        return PrefixSpectra.of(HelmertRows.of(z, 0, z.rows()), z.cols(), new int[]{z.rows() - 1}, null)[0];
    }
}
