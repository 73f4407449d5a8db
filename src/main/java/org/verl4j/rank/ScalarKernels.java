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
    public double[] gram(double[] y, int m, int d) {
        return SquaredProducts.gram(y, m, d);
    }
}
