package org.verl4j.rank;

import org.verl4j.rank.simd.Kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
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
 */
final class PrefixSpectra {

    /** Window tasks submitted but not yet collected, per response measured in parallel. */
    private static final int IN_FLIGHT = 8;

    /** Windows solved by the exact fallback since start-up (diagnostics for tests and the bench). */
    static final LongAdder EXACT_FALLBACKS = new LongAdder();

    private PrefixSpectra() {
    }

    /**
     * σ for each window size {@code ms[i]} (Helmert rows, ascending, each in [1, rows of Y]) of the Helmert
     * matrix {@code y} with {@code d} columns, on {@code kernels}; {@code pool} may be null (run here).
     */
    static double[][] of(double[] y, int d, int[] ms, ExecutorService pool, Kernels kernels) {
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
                task = () -> solve(leadingBlock(gram, order, m), m, d, y, m, d, kernels);
            } else {
                if (scatter == null) scatter = new double[d * d];
                SquaredProducts.addToScatter(scatter, y, d, scattered, m, kernels);
                scattered = m;
                double[] snapshot = scatter.clone();                // the task destroys its copy
                task = () -> solve(snapshot, d, m, y, m, d, kernels);
            }
            if (pool == null) {
                sigma[i] = task.get();
                continue;
            }
            futures.add(pool.submit(task::get));
            if (futures.size() - awaited > IN_FLIGHT) {              // bound the snapshots held at once
                sigma[awaited] = RankBatch.await(futures.get(awaited));
                awaited++;
            }
        }
        for (int i = awaited; i < futures.size(); i++) sigma[i] = RankBatch.await(futures.get(i));
        return sigma;
    }

    /** The leading m×m block (row stride m) of a lower triangle stored with row stride {@code order}. */
    private static double[] leadingBlock(double[] lower, int order, int m) {
        double[] block = new double[m * m];
        for (int i = 0; i < m; i++) System.arraycopy(lower, i * order, block, i * m, i + 1);
        return block;
    }

    /** σ of one window from its squared form {@code a} (n×n lower, destroyed), or exactly when refused. */
    private static double[] solve(double[] a, int n, int inner, double[] y, int m, int d, Kernels kernels) {
        double[] lambda = new double[n], e = new double[n];
        Tridiagonalisation.reduce(a, n, lambda, e, kernels);
        double[] sigma;
        try {
            TridiagonalEigenvalues.solve(lambda, e, n);
            sigma = SquaredSpectrum.singularValues(lambda, n, inner);
        } catch (ArithmeticException notConverged) {
            sigma = null;                                               // QL gave up: solve exactly
        }
        if (sigma != null) return sigma;
        EXACT_FALLBACKS.increment();
        return CentredSpectrum.singularValues(y, m, d, kernels);
    }
}
