package org.verl4j.rank.simd;

/**
 * The two inner kernels of the effective-rank fast path, in a plain-Java and a Vector-API flavour. The core
 * ({@code org.verl4j.rank}) runs its own plain-Java implementation by default and switches to
 * {@link VectorKernels} only when the JVM was started with {@code --add-modules jdk.incubator.vector}; the
 * vector class is loaded reflectively, so the core never fails without the module.
 *
 * <p>Public only because the two packages must share it; not part of verl4j's API.
 */
public interface Kernels {

    /** {@code "scalar"} or {@code "vector"}, with the lane count. */
    String name();

    /**
     * One row of the fused tridiagonalisation pass, for j ∈ [from, to):
     * <pre>
     * x_j = a[r+j] − (v_i·w_j + w_i·v_j)     a[r+j] ← x_j      p_j ← p_j + u_i·x_j
     * returns Σ_j x_j·u_j
     * </pre>
     */
    double updateRow(double[] a, int r, int from, int to, double vi, double wi, double ui,
                     double[] v, double[] w, double[] u, double[] p);

    /**
     * {@link #updateRow} for the two rows at offsets {@code r0} and {@code r1} over the same j range, sharing
     * the loads of v, w, u and p; the two row sums go to {@code dots[0]} and {@code dots[1]}.
     */
    void updateRowPair(double[] a, int r0, int r1, int from, int to, double vi0, double wi0, double ui0,
                       double vi1, double wi1, double ui1, double[] v, double[] w, double[] u, double[] p,
                       double[] dots);

    /** Lower triangle (row stride m) of {@code G = Y_m·Y_mᵀ} for the row-major m×d {@code y}. */
    double[] gram(double[] y, int m, int d);
}
