package org.verl4j.rank;

import org.verl4j.rank.fast.KernelChoice;
import org.verl4j.rank.fast.PrefixSpectra;
import org.verl4j.rank.simd.Kernels;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;

/**
 * The one step of spec §2 with more than one implementation: σ of centred row windows of Z. {@link SvdRank}'s
 * window loop asks it for the windows of §3 and the whole response; {@link SpectrumMethod} picks the strategy.
 */
interface CentredSpectra {

    /**
     * σ of {@code Zc = centre(Z[from .. from+n))} for each n in {@code rowCounts} (ascending, 2 ≤ n ≤ T − from).
     *
     * @param pool may be null (run on the calling thread)
     */
    Spectra singularValues(HiddenStates z, int from, int[] rowCounts, ExecutorService pool);

    /** σ per requested window, and how many windows the fast path solved by its exact fallback. */
    record Spectra(double[][] sigma, int exactFallbacks) {
    }

    /** The σ of §3's K windows of stride s over the rows kept from {@code from}, and of the whole response. */
    record Windows(double[][] windows, double[] whole, int exactFallbacks) {
    }

    /**
     * The windows t_j = j·s (j·s + 1 rows from {@code from}) and the whole response (T rows from 0). When the
     * kept rows start at row 0 the whole response is one more prefix of the same rows, so one call serves both.
     */
    default Windows windowsAndWhole(HiddenStates z, int from, int k, int s, ExecutorService pool) {
        int rowsT = z.rows();
        if (rowsT < 2) return new Windows(new double[0][], new double[0], 0);
        int[] counts = new int[k + 1];
        for (int j = 1; j <= k; j++) counts[j - 1] = j * s + 1;                    // W_j = Z'[0..j·s]
        if (from == 0) {
            counts[k] = rowsT;
            Spectra all = singularValues(z, 0, counts, pool);
            return new Windows(Arrays.copyOf(all.sigma(), k), all.sigma()[k], all.exactFallbacks());
        }
        Spectra windows = k == 0 ? new Spectra(new double[0][], 0)
                : singularValues(z, from, Arrays.copyOf(counts, k), pool);
        Spectra whole = singularValues(z, 0, new int[]{rowsT}, pool);
        return new Windows(windows.sigma(), whole.sigma()[0], windows.exactFallbacks() + whole.exactFallbacks());
    }

    /** The strategy of a method. */
    static CentredSpectra of(SpectrumMethod method) {
        return method == SpectrumMethod.SVD ? CentredSpectra::bySvd : fast(kernels(method));
    }

    /** The fast path's kernels of a method ({@link SpectrumMethod#SVD}, which has none, gets the scalar ones). */
    static Kernels kernels(SpectrumMethod method) {
        return switch (method) {
            case SVD, FAST_SCALAR -> KernelChoice.scalar();
            case FAST_VECTOR -> KernelChoice.vector().orElseThrow(() -> new IllegalStateException(
                    "FAST_VECTOR needs the JVM option --add-modules jdk.incubator.vector"));
        };
    }

    private static Spectra bySvd(HiddenStates z, int from, int[] rowCounts, ExecutorService pool) {
        double[][] sigma = new double[rowCounts.length][];
        for (int i = 0; i < sigma.length; i++) sigma[i] = SvdRank.singularValues(z, from, from + rowCounts[i]);
        return new Spectra(sigma, 0);
    }

    private static CentredSpectra fast(Kernels kernels) {
        return (z, from, rowCounts, pool) -> {
            PrefixSpectra.Windows w = PrefixSpectra.of(z.data(), z.cols(), from, rowCounts, EffectiveRank.EPSILON,
                    kernels, pool);
            return new Spectra(w.sigma(), w.exactFallbacks());
        };
    }
}
