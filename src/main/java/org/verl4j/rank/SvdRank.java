package org.verl4j.rank;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

import java.util.concurrent.ExecutorService;

/**
 * The definition (spec §2–§3), line by line: each window centred explicitly and handed to EJML's SVD. Slow and
 * plain; it is the oracle of the fast path ({@link SpectrumMethod#SVD} selects it anywhere).
 * <pre>
 * §2  Zc = Z − 1·mean_rows(Z),  σ = svd(Zc),  ER = exp(H(σ))                  {@link EffectiveRank#entropy}
 * §3  if T &gt; M keep M rows (TAIL: the last, HEAD: the first; NONE: all)       Z' = the kept rows, T' of them
 *     windows W_j = Z'[0..t_j], t_j = j·s, j = 1..K, K = floor((T'−1)/s)        each centred on its own
 *     E_j = ER(W_j),  v_j = E_j − mean(E_1..E_{j−1}) (j ≥ 2),  a_j = v_j − v_{j−1} (j ≥ 3)
 *     ERV = mean v_j,  ERA = mean a_j                                           0, unmeasured, if none
 * </pre>
 * ER is reported on the whole response (not truncated). Scale: Zc is multiplied by a power of two that brings
 * max|Zc| into [1, 2) before the SVD and σ divided by it after, which is exact and keeps tiny (≈ 1e-300) or huge
 * entries from under- or overflowing inside the decomposition.
 */
public final class SvdRank {

    private SvdRank() {
    }

    /** ER(Z) by the definition: 0 for T &lt; 2, 1 when all rows are equal. */
    public static double er(HiddenStates z) {
        return z.rows() < 2 ? 0.0 : EffectiveRank.fromSingularValues(singularValues(z, 0, z.rows()));
    }

    /** σ of the centred rows [from, to) of Z: min(to − from, d) values, unordered. */
    public static double[] singularValues(HiddenStates z, int from, int to) {
        if (from < 0 || to > z.rows() || to - from < 1)
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of a " + z.rows() + "-row response");
        int n = to - from, d = z.cols();
        double[] mean = new double[d];
        for (int t = from; t < to; t++) for (int j = 0; j < d; j++) mean[j] += z.get(t, j);
        for (int j = 0; j < d; j++) mean[j] /= n;                                   // mean_rows(Z)
        DMatrixRMaj zc = new DMatrixRMaj(n, d);
        double max = 0;
        for (int t = 0; t < n; t++)
            for (int j = 0; j < d; j++) {
                double x = z.get(from + t, j) - mean[j];                            // Zc = Z − 1·mean
                zc.unsafe_set(t, j, x);
                max = Math.max(max, Math.abs(x));
            }
        int k = max > 0 ? Math.getExponent(max) : 0;                                // max|Zc| ∈ [2^k, 2^(k+1))
        for (int i = 0; i < zc.data.length; i++) zc.data[i] = Math.scalb(zc.data[i], -k);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, false, true);
        if (!svd.decompose(zc)) throw new ArithmeticException("SVD did not converge for a " + n + "×" + d + " window");
        double[] sigma = new double[svd.numberOfSingularValues()];
        for (int i = 0; i < sigma.length; i++) sigma[i] = Math.scalb(svd.getSingularValues()[i], k);   // σ_i
        return sigma;
    }

    /** ER, ERV and ERA of one response by the definition (every window by its own SVD). */
    public static RankDynamics measure(HiddenStates z, RankOptions options, WindowSeries series) {
        return measure(z, options.withMethod(SpectrumMethod.SVD), series, null);
    }

    /** Spec §3 on the σ of {@code options.method()}: the window loop every method shares. */
    static RankDynamics measure(HiddenStates z, RankOptions options, WindowSeries series, ExecutorService pool) {
        int rowsT = z.rows(), from = 0, to = rowsT, s = options.stride();
        if (options.truncation() != Truncation.NONE && rowsT > options.maxLen()) {
            if (options.truncation() == Truncation.TAIL) from = rowsT - options.maxLen();
            else to = options.maxLen();
        }
        int k = Math.max(to - from - 1, 0) / s;                                     // K = floor((T'−1)/s)
        CentredSpectra.Windows w = CentredSpectra.of(options.method()).windowsAndWhole(z, from, k, s, pool);
        double[] sigma = w.whole();                                                 // σ of the whole response
        double[] e = new double[k];
        for (int j = 1; j <= k; j++) e[j - 1] = EffectiveRank.fromSingularValues(w.windows()[j - 1]);   // E_j = ER(W_j)
        WindowDifferences diff = WindowDifferences.of(e, s, series);                // v_j, a_j, ERV, ERA
        double er = rowsT < 2 ? 0.0 : EffectiveRank.fromSingularValues(sigma);
        double logEr = rowsT < 2 ? 0.0 : EffectiveRank.entropy(sigma);
        return new RankDynamics(rowsT, er, logEr, EffectiveRank.traditionalRank(sigma, rowsT, z.cols()), diff.erv(),
                diff.era(), diff.ervMeasured(), diff.eraMeasured(), diff.points(), w.exactFallbacks());
    }
}
