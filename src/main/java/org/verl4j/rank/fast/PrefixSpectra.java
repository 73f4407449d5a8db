package org.verl4j.rank.fast;

import org.verl4j.rank.simd.Kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Singular values of many nested centred windows of one block of hidden states, sharing the work: the windows
 * are leading row blocks of one Helmert matrix Y ({@link HelmertRows}), and each is solved on its smaller side.
 * <pre>
 * window with m Helmert rows (m+1 hidden-state rows):
 *   m ≤ d:  eigenvalues of the leading m×m block of G = Y·Yᵀ     (G computed once, up to the largest such m)
 *   m &gt; d:  eigenvalues of S_m = Σ_{k&lt;m} y_k·y_kᵀ               (d×d, grown from window to window)
 *   λ → σ through {@link SquaredSpectrum} (noise floor + error bound), else exactly without squaring
 *   ({@link CentredSpectrum}: bidiagonalisation of Y_m, Golub–Kahan QL)
 * </pre>
 * Eigenvalues only: Householder tridiagonalisation ({@link Tridiagonalisation}) and implicit QL
 * ({@link TridiagonalEigenvalues}), in double. With a pool, the windows' eigenproblems run as parallel tasks.
 *
 * <p><b>Scale.</b> Y is multiplied by a power of two c = 2^k that brings max|y| into [1, 2) before anything is
 * squared, and every σ is divided by c at the end. Powers of two scale every floating-point operation exactly,
 * so this changes no bit where nothing under- or overflows — and keeps the squares of hidden states around
 * 1e-300 (which underflow to 0) or 1e+200 (which overflow) in range.
 */
public final class PrefixSpectra {

    /** Window tasks submitted but not yet collected, per response measured in parallel. */
    private static final int IN_FLIGHT = 8;

    /**
     * The singular values of the windows, and how many of them the squared route refused.
     *
     * @param sigma          σ of window i (unordered, min(m_i, d) values)
     * @param exactFallbacks windows solved by the exact, non-squaring route ({@link CentredSpectrum})
     */
    public record Windows(double[][] sigma, int exactFallbacks) {
    }

    private PrefixSpectra() {
    }

    /**
     * σ of the centred rows [from, from + n) of the row-major {@code x} (d columns) for each n in
     * {@code rowCounts} (ascending, each ≥ 2 and ≤ rows), on {@code kernels}; {@code pool} may be null (run
     * here). {@code epsilon} is ALGORITHM.md §2's ε, which the squared route's error estimate needs.
     */
    public static Windows of(double[] x, int d, int from, int[] rowCounts, double epsilon, Kernels kernels,
                             ExecutorService pool) {
        int rows = rowCounts[rowCounts.length - 1];
        double[] y = HelmertRows.of(x, d, from, rows);
        double unscale = scaleToUnitRange(y);
        int[] ms = new int[rowCounts.length];
        for (int i = 0; i < ms.length; i++) ms[i] = rowCounts[i] - 1;       // n rows ↔ m = n − 1 Helmert rows
        double[][] sigma = of(y, d, ms, unscale, epsilon, pool, kernels);
        int fallbacks = 0;
        for (int i = 0; i < ms.length; i++) if (sigma[i] == null) fallbacks++;
        solveRefused(y, d, ms, sigma, pool, kernels);
        for (double[] s : sigma) for (int i = 0; i < s.length; i++) s[i] *= unscale;
        return new Windows(sigma, fallbacks);
    }

    /** Multiplies y by the power of two c that brings max|y| into [1, 2); returns 1/c (1 for y = 0). */
    static double scaleToUnitRange(double[] y) {
        double max = 0;
        for (double v : y) max = Math.max(max, Math.abs(v));
        if (max == 0) return 1;
        int k = Math.getExponent(max);                                      // max ∈ [2^k, 2^(k+1))
        double c = Math.scalb(1.0, -k);
        for (int i = 0; i < y.length; i++) y[i] *= c;
        return Math.scalb(1.0, k);
    }

    /**
     * σ (scaled Y) for each window size {@code ms[i]} (Helmert rows, ascending), null where the squared route
     * refused; the error estimate sees σ·unscale, the true scale.
     */
    private static double[][] of(double[] y, int d, int[] ms, double unscale, double epsilon, ExecutorService pool,
                                 Kernels kernels) {
        int count = ms.length;
        double[][] sigma = new double[count][];
        List<Future<double[]>> futures = new ArrayList<>(count);
        int gramOrder = 0;
        for (int m : ms) if (m <= d) gramOrder = Math.max(gramOrder, m);
        double[] gram = gramOrder > 0 ? kernels.gram(y, gramOrder, d) : null;
        double[] scatter = null;
        int scattered = 0, awaited = 0;
        for (int i = 0; i < count; i++) {
            int m = ms[i];
            Supplier<double[]> task;
            if (m <= d) {
                int order = gramOrder;
                task = () -> solve(leadingBlock(gram, order, m), m, d, unscale, epsilon, kernels);
            } else {
                if (scatter == null) scatter = new double[d * d];
                SquaredProducts.addToScatter(scatter, y, d, scattered, m, kernels);
                scattered = m;
                double[] snapshot = scatter.clone();                // the task destroys its copy
                task = () -> solve(snapshot, d, m, unscale, epsilon, kernels);
            }
            if (pool == null) {
                sigma[i] = task.get();
                continue;
            }
            futures.add(pool.submit(task::get));
            if (futures.size() - awaited > IN_FLIGHT) {              // bound the snapshots held at once
                sigma[awaited] = Await.result(futures.get(awaited));
                awaited++;
            }
        }
        for (int i = awaited; i < futures.size(); i++) sigma[i] = Await.result(futures.get(i));
        return sigma;
    }

    /**
     * Fills the windows the squared route refused ({@code sigma[i] == null}) exactly ({@link CentredSpectrum}):
     * each from its own Helmert rows, or — when it takes fewer flops — all from one shared LQ factor
     * ({@link LowerFactor}) of the largest refused window. Flop model of a bidiagonalisation of r×c (r ≤ c):
     * <pre>
     * F(r, c) = 4r²c − 4r³/3        direct = Σ F(m_j, d)        shared = F(M, d) + Σ F(min(m_j, d), m_j)
     * </pre>
     * (the LQ runs on the same row kernel, so it costs like a bidiagonalisation of Y_M).
     */
    private static void solveRefused(double[] y, int d, int[] ms, double[][] sigma, ExecutorService pool,
                                     Kernels kernels) {
        int largest = 0;
        double direct = 0, shared = 0;
        for (int i = 0; i < ms.length; i++) {
            if (sigma[i] != null) continue;
            largest = Math.max(largest, ms[i]);
            direct += flops(ms[i], d);
            shared += flops(ms[i], Math.min(ms[i], d));
        }
        if (largest == 0) return;
        shared += flops(largest, d);
        double[] factor = shared < direct ? LowerFactor.of(y, largest, d, kernels) : null;
        List<Future<double[]>> futures = new ArrayList<>();
        for (int i = 0; i < ms.length; i++) {
            if (sigma[i] != null) continue;
            int m = ms[i];
            Supplier<double[]> task = factor == null
                    ? () -> CentredSpectrum.singularValues(y, m, d, kernels)
                    : () -> CentredSpectrum.singularValues(LowerFactor.leadingBlock(factor, m, d), m,
                            Math.min(m, d), kernels);
            if (pool == null) sigma[i] = task.get();
            else futures.add(pool.submit(task::get));
        }
        int next = 0;
        for (int i = 0; i < ms.length && pool != null; i++)
            if (sigma[i] == null) sigma[i] = Await.result(futures.get(next++));
    }

    /** F(r, c) for an m×d matrix, on its wide side. */
    private static double flops(int m, int d) {
        double r = Math.min(m, d), c = Math.max(m, d);
        return 4 * r * r * c - 4 * r * r * r / 3;
    }

    /** The leading m×m block (row stride m) of a lower triangle stored with row stride {@code order}. */
    private static double[] leadingBlock(double[] lower, int order, int m) {
        double[] block = new double[m * m];
        for (int i = 0; i < m; i++) System.arraycopy(lower, i * order, block, i * m, i + 1);
        return block;
    }

    /** σ of one window from its squared form {@code a} (n×n lower, destroyed), or null when refused. */
    private static double[] solve(double[] a, int n, int inner, double unscale, double epsilon, Kernels kernels) {
        double[] lambda = new double[n], e = new double[n];
        Tridiagonalisation.reduce(a, n, lambda, e, kernels);
        double[] sigma;
        try {
            TridiagonalEigenvalues.solve(lambda, e, n);
            sigma = SquaredSpectrum.singularValues(lambda, n, inner, unscale, epsilon);
        } catch (ArithmeticException notConverged) {
            sigma = null;                                               // QL gave up: solve exactly
        }
        return sigma;                                                   // null: refused, solved exactly later
    }
}
