package org.verl4j.rank;

import java.util.ArrayList;
import java.util.List;

/**
 * ALGORITHM.md §3 after the spectra: from the windows' ERs E_1..E_K to v_j, a_j, ERV and ERA. The one loop that
 * {@link SvdRank} and {@link FastRank} (every response) and {@link DatasetRank#fromWindows} (ALGORITHM.md §4 measured on a cluster) share.
 * <pre>
 * v_j = E_j − mean(E_1..E_{j−1})   (j ≥ 2)        a_j = v_j − v_{j−1}   (j ≥ 3)
 * ERV = mean v_j (0 if K &lt; 2)                    ERA = mean a_j (0 if K &lt; 3)
 * </pre>
 *
 * @param erv          ERV, 0 when not measured
 * @param era          ERA, 0 when not measured
 * @param ervMeasured  K ≥ 2
 * @param eraMeasured  K ≥ 3
 * @param points       the per-window series (window j ends at t = j·s), empty unless kept
 */
record WindowDifferences(double erv, double era, boolean ervMeasured, boolean eraMeasured, List<WindowPoint> points) {

    /** The differences of E_j = {@code e[j−1]}, windows ending at t = j·s. */
    static WindowDifferences of(double[] e, int s, WindowSeries series) {
        int k = e.length;
        List<WindowPoint> points = new ArrayList<>();
        double sumE = 0, sumV = 0, sumA = 0, previousV = 0;
        for (int j = 1; j <= k; j++) {
            double ej = e[j - 1];                                                   // E_j = ER(W_j)
            double v = j >= 2 ? ej - sumE / (j - 1) : 0.0;                          // v_j (j ≥ 2)
            double a = j >= 3 ? v - previousV : 0.0;                                // a_j (j ≥ 3)
            if (j >= 2) sumV += v;
            if (j >= 3) sumA += a;
            sumE += ej;
            previousV = v;
            if (series == WindowSeries.KEEP) points.add(WindowPoint.of(j, j * s, ej, v, a));
        }
        double erv = k >= 2 ? sumV / (k - 1) : 0.0, era = k >= 3 ? sumA / (k - 2) : 0.0;   // ERV, ERA
        return new WindowDifferences(erv, era, k >= 2, k >= 3, points);
    }
}
