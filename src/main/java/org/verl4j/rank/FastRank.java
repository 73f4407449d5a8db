package org.verl4j.rank;

import org.verl4j.rank.fast.KernelChoice;
import org.verl4j.rank.fast.PrefixSpectra;
import org.verl4j.rank.simd.Kernels;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;

/**
 * The fast path of ALGORITHM.md §2–§3 ({@link SpectrumMethod#FAST_SCALAR}, {@link SpectrumMethod#FAST_VECTOR}): the
 * same quantities as {@link SvdRank}, with σ of every window from one Helmert matrix ({@link PrefixSpectra},
 * ALGORITHM.md §12) instead of one SVD per window.
 * <pre>
 * Z' = the kept rows [from, to) (§3 truncation),  K = floor((T'−1)/s)
 * σ(W_j) for the row counts j·s + 1 from {@code from}, and σ of the whole response (T rows from 0)
 * E_j = ER(σ(W_j)),  then v_j, a_j, ERV, ERA ({@link WindowDifferences})
 * </pre>
 * When the kept rows start at row 0, the whole response is one more prefix of the same rows, so one call serves
 * both. Agrees with {@link SvdRank} to ≤ 1e-10 relative on ER (FastPathTest).
 */
final class FastRank {

    private FastRank() {
    }

    /**
     * ER, ERV and ERA of one response on the kernels of {@code options.method()} (a fast method).
     *
     * @param pool may be null (run on the calling thread); with a pool, the windows run in parallel
     */
    static RankDynamics measure(HiddenStates z, RankOptions options, WindowSeries series, ExecutorService pool) {
        int rowsT = z.rows(), s = options.stride();
        RowRange kept = RowRange.kept(rowsT, options);
        int k = kept.windows(s);
        Kernels kernels = kernels(options.method());
        double[][] windows = new double[0][];
        double[] sigma = new double[0];                                             // σ of the whole response
        int fallbacks = 0;
        if (rowsT >= 2) {
            int[] counts = new int[k + 1];
            for (int j = 1; j <= k; j++) counts[j - 1] = j * s + 1;                 // W_j = Z'[0..j·s]
            if (kept.from() == 0) {
                counts[k] = rowsT;
                PrefixSpectra.Windows all = spectra(z, 0, counts, kernels, pool);
                windows = Arrays.copyOf(all.sigma(), k);
                sigma = all.sigma()[k];
                fallbacks = all.exactFallbacks();
            } else {
                PrefixSpectra.Windows w = k == 0 ? new PrefixSpectra.Windows(new double[0][], 0)
                        : spectra(z, kept.from(), Arrays.copyOf(counts, k), kernels, pool);
                PrefixSpectra.Windows whole = spectra(z, 0, new int[]{rowsT}, kernels, pool);
                windows = w.sigma();
                sigma = whole.sigma()[0];
                fallbacks = w.exactFallbacks() + whole.exactFallbacks();
            }
        }
        double[] e = new double[k];
        for (int j = 1; j <= k; j++) e[j - 1] = EffectiveRank.fromSingularValues(windows[j - 1]);   // E_j = ER(W_j)
        return RankDynamics.of(rowsT, z.cols(), sigma, WindowDifferences.of(e, s, series), fallbacks);
    }

    /** σ of the centred whole response (T ≥ 2 rows) on the kernels of {@code method}. */
    static double[] singularValues(HiddenStates z, SpectrumMethod method) {
        return spectra(z, 0, new int[]{z.rows()}, kernels(method), null).sigma()[0];
    }

    /** The fast path's kernels of a method ({@link SpectrumMethod#SVD}, which has none, gets the scalar ones). */
    static Kernels kernels(SpectrumMethod method) {
        return switch (method) {
            case SVD, FAST_SCALAR -> KernelChoice.scalar();
            case FAST_VECTOR -> KernelChoice.vector().orElseThrow(() -> new IllegalStateException(
                    "FAST_VECTOR needs the JVM option --add-modules jdk.incubator.vector"));
        };
    }

    private static PrefixSpectra.Windows spectra(HiddenStates z, int from, int[] rowCounts, Kernels kernels,
                                                 ExecutorService pool) {
        return PrefixSpectra.of(z.data(), z.cols(), from, rowCounts, EffectiveRank.EPSILON, kernels, pool);
    }
}
