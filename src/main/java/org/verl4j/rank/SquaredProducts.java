package org.verl4j.rank;

/**
 * The two squared forms of the Helmert rows Y (row-major, d columns), lower triangles only:
 * <pre>
 * Gram     G = Y_m·Y_mᵀ   (m×m)  — its leading t×t block is the Gram of the first t rows, for every t ≤ m
 * scatter  S = Y_mᵀ·Y_m   (d×d)  — grown in place: S ← S + Y[from..to)ᵀ·Y[from..to)
 * </pre>
 * Both are written as axpy loops over contiguous rows (the JIT vectorises those) and blocked so that the
 * operands in the inner loop stay in cache.
 */
final class SquaredProducts {

    private static final int BLOCK = 64;

    private SquaredProducts() {
    }

    /** Lower triangle of G = Y_m·Y_mᵀ, row stride m. */
    static double[] gram(double[] y, int m, int d) {
        double[] yt = new double[d * m];                            // Yᵀ, so G's rows are axpys of Yᵀ's rows
        for (int i = 0; i < m; i++) for (int l = 0; l < d; l++) yt[l * m + i] = y[i * d + l];
        double[] g = new double[m * m];
        for (int l0 = 0; l0 < d; l0 += BLOCK) {
            int l1 = Math.min(d, l0 + BLOCK);
            for (int i = 0; i < m; i++) {
                int row = i * m;
                for (int l = l0; l < l1; l++) {
                    double yil = y[i * d + l];
                    int col = l * m;
                    for (int j = 0; j <= i; j++) g[row + j] += yil * yt[col + j];   // G_ij += y_il·y_jl
                }
            }
        }
        return g;
    }

    /** S ← S + Σ_{k∈[from,to)} y_k·y_kᵀ on the lower triangle of the d×d {@code s}. */
    static void addToScatter(double[] s, double[] y, int d, int from, int to) {
        for (int i = 0; i < d; i++) {
            int row = i * d;
            for (int k = from; k < to; k++) {
                double yki = y[k * d + i];
                int base = k * d;
                for (int j = 0; j <= i; j++) s[row + j] += yki * y[base + j];    // S_ij += y_ki·y_kj
            }
        }
    }
}
