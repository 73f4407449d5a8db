package org.verl4j.rank.fast;

import org.verl4j.rank.simd.Kernels;

/**
 * Householder reduction of a symmetric matrix to tridiagonal form, eigenvalues only (no Q is accumulated);
 * reads and writes the lower triangle only.
 *
 * <pre>
 * step k:  x = A[k+1..n, k]          α = −sign(x₀)·‖x‖        u = x − α·e₁        τ = 1/(‖x‖² − x₀·α) = 2/(uᵀu)
 *          p = τ·A'u                  κ = τ/2 · pᵀu           w = p − κ·u
 *          A' ← A' − u·wᵀ − w·uᵀ     (A' = A[k+1..n, k+1..n])   d_k = A[k][k],  e_k = α
 * </pre>
 * Each step is one pass over the lower triangle of A' ({@link Kernels#reductionPass}) in which row i first
 * receives the previous step's rank-2 update ({@code (v, w)} = the pending u and w) and then contributes to p
 * twice, as row and as column of the symmetric A': {@code p_i += Σ_{j<i} A'_ij u_j} and {@code p_j += A'_ij u_i}.
 * One sweep over half the matrix per step (4n² flops) keeps the work near the 4n³/3 minimum with a single
 * memory pass per step. The pass is one kernel call per step, so the JIT compiles it as a method of its own.
 */
final class Tridiagonalisation {

    private Tridiagonalisation() {
    }

    /**
     * Reduces the n×n symmetric matrix whose lower triangle is in {@code a} (row-major, row stride n; destroyed,
     * the strict upper triangle is never read) to the diagonal {@code d[0..n)} and off-diagonal
     * {@code e[0..n−1)} ({@code e_k = T[k+1][k]}); the row updates run on {@code kernels}.
     */
    static void reduce(double[] a, int n, double[] d, double[] e, Kernels kernels) {
        double[] v = new double[n], w = new double[n];            // pending transform of step k−1
        double[] u = new double[n], p = new double[n];            // transform of step k being built
        boolean pending = false;
        for (int k = 0; k < n; k++) {
            if (pending) {                                         // column k (= row k) receives step k−1
                double vk = v[k], wk = w[k];
                for (int i = k; i < n; i++) a[i * n + k] -= v[i] * wk + w[i] * vk;
            }
            d[k] = a[k * n + k];                                   // d_k
            if (k == n - 1) break;
            if (k == n - 2) {                                      // the trailing 1×1 block needs no reflector
                e[k] = a[(k + 1) * n + k];
                int last = (n - 1) * n + n - 1;
                if (pending) a[last] -= v[n - 1] * w[n - 1] + w[n - 1] * v[n - 1];
                d[n - 1] = a[last];
                break;
            }
            double x0 = a[(k + 1) * n + k], tail = 0;
            for (int i = k + 2; i < n; i++) tail += a[i * n + k] * a[i * n + k];
            boolean reflect = tail > 0;
            double tau = 0;
            if (reflect) {
                double norm = Math.sqrt(x0 * x0 + tail);
                double alpha = x0 > 0 ? -norm : norm;              // α = −sign(x₀)‖x‖
                tau = 1.0 / (norm * norm - x0 * alpha);            // τ = 2/(uᵀu)
                e[k] = alpha;                                      // e_k
                u[k + 1] = x0 - alpha;
                for (int i = k + 2; i < n; i++) u[i] = a[i * n + k];
                for (int j = k + 1; j < n; j++) p[j] = 0;
            } else {
                e[k] = x0;                                         // already reduced: no reflector
            }
            if (!reflect) java.util.Arrays.fill(u, k + 1, n, 0.0);   // no reflector: u = 0, p unused
            kernels.reductionPass(a, n, k, v, w, u, p);                 // A' ← A' − v·wᵀ − w·vᵀ, p = A'u
            pending = reflect;
            if (!reflect) {                                             // nothing pending: v = w = 0
                java.util.Arrays.fill(v, k + 1, n, 0.0);
                java.util.Arrays.fill(w, k + 1, n, 0.0);
            } else {
                double ptu = 0;
                for (int j = k + 1; j < n; j++) ptu += p[j] * u[j];
                double kappa = 0.5 * tau * tau * ptu;              // κ = τ/2 · (τp)ᵀu
                for (int j = k + 1; j < n; j++) {
                    v[j] = u[j];
                    w[j] = tau * p[j] - kappa * u[j];              // w = τp − κu
                }
            }
        }
    }
}
