package org.verl4j.rank.simd;

/**
 * The inner kernels of the effective-rank fast path ({@code org.verl4j.rank.fast}), in a plain-Java and a
 * Vector-API flavour. Which one runs is {@code RankOptions.method()}; {@link VectorKernels} is available only
 * when the JVM was started with {@code --add-modules jdk.incubator.vector} and is loaded reflectively, so the core
 * never fails without the module.
 *
 * <p>Public only because the two packages must share it; not part of verl4j's API.
 */
public interface Kernels {

    /** {@code "scalar"} or {@code "vector"}, with the lane count. */
    String name();

    /**
     * Step k's pass of the Householder tridiagonalisation over the lower triangle of A' = A[k+1..n, k+1..n]
     * (row stride n), for every row i and every j ≤ i of A':
     * <pre>
     * A'_ij ← A'_ij − (v_i·w_j + w_i·v_j)          the pending rank-2 update of step k−1
     * p_i   ← p_i + Σ_{j≤i} A'_ij·u_j,   p_j ← p_j + A'_ij·u_i  (j &lt; i)     so that p = A'·u at the end
     * </pre>
     * {@code v, w} (zero when nothing is pending) and {@code u} are read from index k+1 on; {@code p} must be
     * zero on [k+1, n) on entry.
     */
    void reductionPass(double[] a, int n, int k, double[] v, double[] w, double[] u, double[] p);

    /**
     * {@link #reductionPass}'s update of one row i of A', in plain Java: both flavours use it for the row left over
     * when they process rows in pairs.
     */
    static void reductionRow(double[] a, int n, int k, int i, double[] v, double[] w, double[] u, double[] p) {
        int r = i * n;
        double vi = v[i], wi = w[i], ui = u[i], dot = 0;
        for (int j = k + 1; j < i; j++) {
            double x = a[r + j] - (vi * w[j] + wi * v[j]);              // A'_ij − (v_i·w_j + w_i·v_j)
            a[r + j] = x;
            p[j] += ui * x;                                             // p_j += A'_ij·u_i
            dot += x * u[j];
        }
        double diagonal = a[r + i] - (vi * w[i] + wi * v[i]);
        a[r + i] = diagonal;
        p[i] += dot + diagonal * ui;                                    // p_i += Σ_{j≤i} A'_ij·u_j
    }

    /** Lower triangle (row stride m) of {@code G = Y_m·Y_mᵀ} for the row-major m×d {@code y}. */
    double[] gram(double[] y, int m, int d);

    /**
     * Rows i … i+count−1 (count 1 or 2) of a step of the Householder bidiagonalisation (row-major, c columns,
     * columns [k, c) touched): the pending left transform, then step k's right reflector, then each row's share
     * of the next left transform:
     * <pre>
     * a_ij ← a_ij − τ_L·u_i·w_j                          j ≥ k
     * a_ij ← a_ij − τ·(Σ_l a_il·v_l)·v_j                 j ≥ k
     * s_j  ← s_j + a_ik·a_ij                             j &gt; k
     * u_i  ← a_ik                                        (u_i is read first, as the left coefficient)
     * </pre>
     */
    void bidiagonalisationRows(double[] a, int i, int count, int k, int c, double tauLeft, double[] u, double[] w,
                               double[] v, double tau, double[] s);
}
