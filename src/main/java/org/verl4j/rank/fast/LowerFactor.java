package org.verl4j.rank.fast;

import org.verl4j.rank.simd.Kernels;

/**
 * The Householder LQ factor of the Helmert rows, shared by every window that the squared route refuses: right
 * reflectors only, so row i of L depends on rows 0 … i of Y alone and every window is a leading block.
 * <pre>
 * Y_M = L·Q   (Q orthogonal d×d, L lower trapezoidal M×d)   ⇒   Y_m = L[0..m)·Q   for every m ≤ M
 * σ(Y_m) = σ(L[0..m, 0..min(m, d)))                          m×m triangle (m ≤ d), or m×d (m &gt; d)
 * step k:  reflector H_k from row k:  A[k, k..d)·H_k = (γ_k, 0, …, 0),   A_i ← A_i − τ·(A_i·v)·vᵀ  (i &gt; k)
 * </pre>
 * The row updates run on {@link Kernels#bidiagonalisationRows} with no pending left transform (τ_L = 0; its
 * accumulation into s is discarded). Reflectors with negligible tails are skipped, as in
 * {@link Bidiagonalisation}. Backward stable: L is the exact factor of Y + E with ‖E‖ ≤ c·M·d·eps·‖Y‖, which
 * adds to the σ error bound of {@link CentredSpectrum} a term of the same kind.
 */
final class LowerFactor {

    private static final double NEGLIGIBLE = 1e-200;

    private LowerFactor() {
    }

    /** L (rows×d, row-major; entries above the diagonal are 0) of the first {@code rows} rows of {@code y}. */
    static double[] of(double[] y, int rows, int d, Kernels kernels) {
        double[] a = java.util.Arrays.copyOf(y, rows * d);
        double max = 0;
        for (double x : a) max = Math.max(max, Math.abs(x));
        if (max == 0) return a;
        double scale = 1 / max;
        for (int i = 0; i < a.length; i++) a[i] *= scale;
        double[] v = new double[d], w = new double[d], s = new double[d], u = new double[rows];
        for (int k = 0; k < Math.min(rows, d); k++) {
            int row = k * d;
            double x0 = a[row + k], tail = 0;
            for (int j = k + 1; j < d; j++) tail += a[row + j] * a[row + j];
            if (!(tail > NEGLIGIBLE)) {
                java.util.Arrays.fill(a, row + k + 1, row + d, 0.0);   // negligible tail: L_kk = x₀
                continue;
            }
            double norm = Math.sqrt(x0 * x0 + tail);
            double gamma = x0 > 0 ? -norm : norm;
            double tau = 1 / (norm * norm - x0 * gamma);
            v[k] = x0 - gamma;
            System.arraycopy(a, row + k + 1, v, k + 1, d - k - 1);
            a[row + k] = gamma;                                         // L_kk
            java.util.Arrays.fill(a, row + k + 1, row + d, 0.0);
            for (int i = k + 1; i < rows; i += 2)                       // A_i ← A_i·H_k
                kernels.bidiagonalisationRows(a, i, Math.min(2, rows - i), k, d, 0, u, w, v, tau, s);
        }
        for (int i = 0; i < a.length; i++) a[i] *= max;
        return a;
    }

    /** The leading block L[0..m, 0..min(m, d)) of the factor {@code l} (d columns), row-major. */
    static double[] leadingBlock(double[] l, int m, int d) {
        int cols = Math.min(m, d);
        double[] block = new double[m * cols];
        for (int i = 0; i < m; i++) System.arraycopy(l, i * d, block, i * cols, cols);
        return block;
    }
}
