package org.verl4j.rank.fast;

import org.verl4j.rank.simd.Kernels;

/**
 * Householder reduction of a wide matrix (r ≤ c rows, row-major) to lower bidiagonal form, singular values only
 * (no U or V is accumulated). Nothing is squared: every transform is orthogonal and applied to the matrix itself.
 *
 * <pre>
 * step k:  right reflector H_k from row k:     A[k, k..c) · H_k = (α_k, 0, …, 0)
 *          left reflector  G_k from column k:  G_k · A[k+1..r, k] = (β_k, 0, …, 0)ᵀ
 *          B = bidiag(α_0 … α_{r−1} on the diagonal, β_0 … β_{r−2} below it),   σ(B) = σ(A)
 * reflector of x:  γ = −sign(x₀)·‖x‖,  u = x − γ·e₁,  τ = 1/(‖x‖² − x₀·γ) = 2/(uᵀu),  H = I − τ·u·uᵀ
 * </pre>
 * <b>One pass per step.</b> Step k's pass visits rows k+1 … r−1 once ({@link Kernels#bidiagonalisationRows}):
 * each row first receives step k−1's pending left transform, {@code A_i ← A_i − τ_L·u_i·w} with
 * {@code w = uᵀA}, then step k's right transform, {@code A_i ← A_i − τ_R·(A_i·v)·vᵀ}, and finally contributes
 * to the next left transform, whose u is column k itself except for its first entry:
 * <pre>
 * x_i = A_i[k] (after both updates),   s = Σ_{i&gt;k} x_i·A_i[k+1..c)
 * u = x − β_k·e₁   ⇒   w = uᵀ·A[k+1..r, k+1..c) = s − β_k·A_{k+1}[k+1..c)
 * </pre>
 * So the trailing matrix is read and written once per step (8 flops per element), which keeps the 8/3·n³ flops
 * of a square n×n reduction close to the speed of the row kernel. The matrix is scaled to max|a| = 1 first, so
 * that no square in a norm overflows, and reflectors of negligible tails are skipped ({@link #NEGLIGIBLE});
 * α and β are returned in the original scale.
 */
final class Bidiagonalisation {

    /**
     * A reflector is formed only when its tail has Σx² above this (the matrix is scaled to max|a| = 1, so
     * σ_max ≥ 1): tails below it, ≤ 1e-100 in size, are left in place and ignored — an absolute perturbation far
     * below eps·σ_max — because ‖x‖² underflows for them and τ = 1/(‖x‖² − x₀·γ) would overflow.
     */
    private static final double NEGLIGIBLE = 1e-200;

    private Bidiagonalisation() {
    }

    /**
     * Reduces the r×c matrix {@code a} (row-major, r ≤ c; destroyed) to the diagonal {@code alpha[0..r)} and
     * subdiagonal {@code beta[0..r−1)} of a lower bidiagonal matrix with the same singular values.
     */
    static void reduce(double[] a, int r, int c, double[] alpha, double[] beta, Kernels kernels) {
        if (r > c) throw new IllegalArgumentException("bidiagonalisation needs r ≤ c, got " + r + "×" + c);
        double max = 0;
        for (int i = 0; i < r * c; i++) max = Math.max(max, Math.abs(a[i]));
        if (max == 0) {                                                 // zero matrix: B = 0
            java.util.Arrays.fill(alpha, 0, r, 0.0);
            java.util.Arrays.fill(beta, 0, Math.max(r - 1, 0), 0.0);
            return;
        }
        double scale = 1 / max;
        for (int i = 0; i < r * c; i++) a[i] *= scale;
        double[] w = new double[c], v = new double[c], s = new double[c], u = new double[r];
        double tauLeft = 0;                                             // pending left transform (u, w, τ_L)
        for (int k = 0; k < r; k++) {
            int row = k * c;
            double left = tauLeft * u[k];
            for (int j = k; j < c; j++) a[row + j] -= left * w[j];      // row k receives G_{k−1}
            double x0 = a[row + k], tail = 0;
            for (int j = k + 1; j < c; j++) tail += a[row + j] * a[row + j];
            double tauRight = 0;
            if (tail > NEGLIGIBLE) {                                    // right reflector H_k
                double norm = Math.sqrt(x0 * x0 + tail);
                double gamma = x0 > 0 ? -norm : norm;
                tauRight = 1 / (norm * norm - x0 * gamma);
                alpha[k] = gamma;
                v[k] = x0 - gamma;
                System.arraycopy(a, row + k + 1, v, k + 1, c - k - 1);
            } else {
                alpha[k] = x0;                                          // row already reduced
                java.util.Arrays.fill(v, k, c, 0.0);
            }
            if (k == r - 1) break;
            java.util.Arrays.fill(s, k, c, 0.0);
            double tailLeft = 0;
            for (int i = k + 1; i < r; i += 2)                          // u_i ← x_i = A_i[k]
                kernels.bidiagonalisationRows(a, i, Math.min(2, r - i), k, c, tauLeft, u, w, v, tauRight, s);
            for (int i = k + 2; i < r; i++) tailLeft += u[i] * u[i];
            double y0 = u[k + 1];
            if (tailLeft > NEGLIGIBLE) {                                // left reflector G_k
                double norm = Math.sqrt(y0 * y0 + tailLeft);
                double gamma = y0 > 0 ? -norm : norm;
                tauLeft = 1 / (norm * norm - y0 * gamma);
                beta[k] = gamma;
                u[k + 1] = y0 - gamma;
                int next = (k + 1) * c;
                for (int j = k + 1; j < c; j++) w[j] = s[j] - gamma * a[next + j];   // w = s − β_k·A_{k+1}
            } else {
                beta[k] = y0;                                           // column already reduced
                tauLeft = 0;
            }
        }
        for (int k = 0; k < r; k++) alpha[k] *= max;
        for (int k = 0; k + 1 < r; k++) beta[k] *= max;
    }

    /**
     * The plain-Java row kernel (contract in {@link Kernels#bidiagonalisationRows}): rows i and i+1 share
     * every load of w, v and s.
     */
    static void rows(double[] a, int i, int count, int k, int c, double tauLeft, double[] u, double[] w,
                     double[] v, double tau, double[] s) {
        if (count == 1) {
            u[i] = row(a, i * c, k, c, tauLeft * u[i], w, v, tau, s);
            return;
        }
        int o0 = i * c, o1 = o0 + c;
        double left0 = tauLeft * u[i], left1 = tauLeft * u[i + 1];
        double dot0 = 0, dot1 = 0;
        for (int j = k; j < c; j++) {
            double wj = w[j], vj = v[j];
            double x0 = a[o0 + j] - left0 * wj, x1 = a[o1 + j] - left1 * wj;    // A_i ← A_i − τ_L·u_i·w
            a[o0 + j] = x0;
            a[o1 + j] = x1;
            dot0 += x0 * vj;                                                    // A_i·v
            dot1 += x1 * vj;
        }
        double coefficient0 = tau * dot0, coefficient1 = tau * dot1;
        double column0 = a[o0 + k] - coefficient0 * v[k], column1 = a[o1 + k] - coefficient1 * v[k];
        a[o0 + k] = column0;
        a[o1 + k] = column1;
        for (int j = k + 1; j < c; j++) {
            double vj = v[j];
            double x0 = a[o0 + j] - coefficient0 * vj, x1 = a[o1 + j] - coefficient1 * vj;  // A_i·H_k
            a[o0 + j] = x0;
            a[o1 + j] = x1;
            s[j] += column0 * x0 + column1 * x1;                                // s += x_i·A_i
        }
        u[i] = column0;
        u[i + 1] = column1;
    }

    /** One row of {@link #rows}: columns [k, c) of the row at {@code offset}; returns its new a_k. */
    private static double row(double[] a, int offset, int k, int c, double left, double[] w, double[] v, double tau,
                              double[] s) {
        double dot = 0;
        for (int j = k; j < c; j++) {
            double x = a[offset + j] - left * w[j];                     // A_i ← A_i − τ_L·u_i·w
            a[offset + j] = x;
            dot += x * v[j];                                            // A_i·v
        }
        double coefficient = tau * dot;
        double column = a[offset + k] - coefficient * v[k];            // x_i = A_i[k] after H_k
        a[offset + k] = column;
        for (int j = k + 1; j < c; j++) {
            double x = a[offset + j] - coefficient * v[j];              // A_i ← A_i − τ_R·(A_i·v)·vᵀ
            a[offset + j] = x;
            s[j] += column * x;                                         // s += x_i·A_i
        }
        return column;
    }
}
