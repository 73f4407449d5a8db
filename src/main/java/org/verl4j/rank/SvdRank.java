package org.verl4j.rank;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The definition (ALGORITHM.md §2–§3), line by line and nothing else: each window centred explicitly and handed to
 * EJML's SVD. Slow and plain; it is the oracle of the fast path ({@link FastRank}), and
 * {@link SpectrumMethod#SVD} makes {@link ResponseRank#measure} use it.
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

    /** ER, ERV and ERA of one response by the definition (every window by its own SVD). */
    public static RankDynamics measure(HiddenStates z, RankOptions options, WindowSeries series) {
        int rowsT = z.rows(), s = options.stride();
        RowRange kept = RowRange.kept(rowsT, options);                              // Z' = rows [from, to)
        double[] e = new double[kept.windows(s)];
        for (int j = 1; j <= e.length; j++)                                         // E_j = ER(W_j), W_j = Z'[0..j·s]
            e[j - 1] = EffectiveRank.fromSingularValues(singularValues(z, kept.from(), kept.from() + j * s + 1));
        double[] sigma = rowsT < 2 ? new double[0] : singularValues(z, 0, rowsT);   // σ of the whole response
        return RankDynamics.of(rowsT, z.cols(), sigma, WindowDifferences.of(e, s, series), 0);
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
}
