package org.verl4j.rank.fast;

import org.verl4j.rank.simd.Kernels;

/** The plain-Java {@link Kernels}: what embedders get by default (no incubator module needed). */
final class ScalarKernels implements Kernels {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void reductionPass(double[] a, int n, int k, double[] v, double[] w, double[] u, double[] p) {
        int i = k + 1;
        for (; i + 1 < n; i += 2) {                                     // rows i and i+1 share v, w, u, p
            int r0 = i * n, r1 = r0 + n;
            double vi0 = v[i], wi0 = w[i], ui0 = u[i], vi1 = v[i + 1], wi1 = w[i + 1], ui1 = u[i + 1];
            double dot0 = 0, dot1 = 0;
            for (int j = k + 1; j < i; j++) {
                double wj = w[j], vj = v[j], uj = u[j];
                double x0 = a[r0 + j] - (vi0 * wj + wi0 * vj);          // A'_ij after the pending update
                double x1 = a[r1 + j] - (vi1 * wj + wi1 * vj);
                a[r0 + j] = x0;
                a[r1 + j] = x1;
                p[j] += ui0 * x0 + ui1 * x1;                            // column part of p = A'u
                dot0 += x0 * uj;                                        // row part
                dot1 += x1 * uj;
            }
            double diagonal0 = a[r0 + i] - (vi0 * w[i] + wi0 * v[i]);                 // A'_ii
            double below = a[r1 + i] - (vi1 * w[i] + wi1 * v[i]);                     // A'_{i+1,i}
            double diagonal1 = a[r1 + i + 1] - (vi1 * w[i + 1] + wi1 * v[i + 1]);     // A'_{i+1,i+1}
            a[r0 + i] = diagonal0;
            a[r1 + i] = below;
            a[r1 + i + 1] = diagonal1;
            p[i] += dot0 + diagonal0 * ui0 + below * ui1;
            p[i + 1] += dot1 + below * ui0 + diagonal1 * ui1;
        }
        if (i < n) Kernels.reductionRow(a, n, k, i, v, w, u, p);       // the odd last row
    }

    @Override
    public double[] gram(double[] y, int m, int d) {
        return SquaredProducts.gram(y, m, d);
    }

    @Override
    public void bidiagonalisationRows(double[] a, int i, int count, int k, int c, double tauLeft, double[] u,
                                      double[] w, double[] v, double tau, double[] s) {
        Bidiagonalisation.rows(a, i, count, k, c, tauLeft, u, w, v, tau, s);
    }
}
