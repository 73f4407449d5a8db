package org.verl4j.rank.fast;

import org.verl4j.rank.simd.Kernels;

/**
 * The two squared forms of the Helmert rows Y (row-major, d columns), lower triangles only:
 * <pre>
 * Gram     G = Y_m·Y_mᵀ   (m×m)  — its leading t×t block is the Gram of the first t rows, for every t ≤ m
 * scatter  S = Y_mᵀ·Y_m   (d×d)  — grown in place: S ← S + Y[from..to)ᵀ·Y[from..to)
 * </pre>
 * Both are formed by the Gram kernel: G from the rows of Y, S block by block from the rows of Yᵀ.
 */
final class SquaredProducts {

    private SquaredProducts() {
    }

    /**
     * Lower triangle of G = Y_m·Y_mᵀ, row stride m: dot products of contiguous rows, 2×4 of them at a time so
     * that each loaded element feeds several multiply-adds. (Entries just above the diagonal may be written too.)
     */
    static double[] gram(double[] y, int m, int d) {
        double[] g = new double[m * m];
        for (int i = 0; i < m; i += 2) gramRows(y, m, d, i, g);
        return g;
    }

    /** Rows i and i+1 of G (a method of its own, so that the JIT compiles it whole). */
    private static void gramRows(double[] y, int m, int d, int i, double[] g) {
        {
            int i1 = Math.min(i + 1, m - 1);
            int a0 = i * d, a1 = i1 * d;
            int j = 0;
            for (; j + 3 <= i1; j += 4) {                                   // G[i..i+1][j..j+3]
                int b0 = j * d, b1 = b0 + d, b2 = b1 + d, b3 = b2 + d;
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                for (int l = 0; l < d; l++) {
                    double x0 = y[a0 + l], x1 = y[a1 + l];
                    double c0 = y[b0 + l], c1 = y[b1 + l], c2 = y[b2 + l], c3 = y[b3 + l];
                    s00 += x0 * c0;                                         // G_ij += y_il·y_jl
                    s01 += x0 * c1;
                    s02 += x0 * c2;
                    s03 += x0 * c3;
                    s10 += x1 * c0;
                    s11 += x1 * c1;
                    s12 += x1 * c2;
                    s13 += x1 * c3;
                }
                int r0 = i * m + j, r1 = i1 * m + j;
                g[r0] = s00;
                g[r0 + 1] = s01;
                g[r0 + 2] = s02;
                g[r0 + 3] = s03;
                g[r1] = s10;
                g[r1 + 1] = s11;
                g[r1 + 2] = s12;
                g[r1 + 3] = s13;
            }
            for (; j <= i1; j++) {
                int b0 = j * d;
                double s0 = 0, s1 = 0;
                for (int l = 0; l < d; l++) {
                    s0 += y[a0 + l] * y[b0 + l];
                    s1 += y[a1 + l] * y[b0 + l];
                }
                if (j <= i) g[i * m + j] = s0;
                g[i1 * m + j] = s1;
            }
        }
    }

    /**
     * S ← S + Σ_{k∈[from,to)} y_k·y_kᵀ on the lower triangle of the d×d {@code s}: the block's own scatter is
     * the Gram matrix of its transpose, {@code Y[from..to)ᵀ} (d rows of length to−from), formed by
     * {@code kernels.gram} and added.
     */
    static void addToScatter(double[] s, double[] y, int d, int from, int to, Kernels kernels) {
        int rows = to - from;
        double[] transposed = new double[d * rows];                     // Y[from..to)ᵀ, d × rows
        for (int k = 0; k < rows; k++) {
            int base = (from + k) * d;
            for (int i = 0; i < d; i++) transposed[i * rows + k] = y[base + i];
        }
        double[] block = kernels.gram(transposed, d, rows);             // Σ_k y_k·y_kᵀ (lower)
        for (int i = 0; i < d; i++) {
            int row = i * d;
            for (int j = 0; j <= i; j++) s[row + j] += block[row + j];  // S_ij += Σ_k y_ki·y_kj
        }
    }
}
