package org.verl4j.rank;

import org.verl4j.rank.simd.Kernels;

/** The plain-Java {@link Kernels}: what embedders get by default (no incubator module needed). */
final class ScalarKernels implements Kernels {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public double updateRow(double[] a, int r, int from, int to, double vi, double wi, double ui,
                            double[] v, double[] w, double[] u, double[] p) {
        double dot = 0;
        for (int j = from; j < to; j++) {
            double x = a[r + j] - (vi * w[j] + wi * v[j]);              // A'_ij after the pending update
            a[r + j] = x;
            p[j] += ui * x;                                             // column part of p = A'u
            dot += x * u[j];                                            // row part
        }
        return dot;
    }

    @Override
    public void updateRowPair(double[] a, int r0, int r1, int from, int to, double vi0, double wi0, double ui0,
                              double vi1, double wi1, double ui1, double[] v, double[] w, double[] u, double[] p,
                              double[] dots) {
        double dot0 = 0, dot1 = 0;
        for (int j = from; j < to; j++) {
            double wj = w[j], vj = v[j], uj = u[j];
            double x0 = a[r0 + j] - (vi0 * wj + wi0 * vj);
            double x1 = a[r1 + j] - (vi1 * wj + wi1 * vj);
            a[r0 + j] = x0;
            a[r1 + j] = x1;
            p[j] += ui0 * x0 + ui1 * x1;
            dot0 += x0 * uj;
            dot1 += x1 * uj;
        }
        dots[0] = dot0;
        dots[1] = dot1;
    }

    @Override
    public double[] gram(double[] y, int m, int d) {
        return SquaredProducts.gram(y, m, d);
    }
}
