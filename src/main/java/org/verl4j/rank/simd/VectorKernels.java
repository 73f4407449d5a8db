package org.verl4j.rank.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} with the JDK Vector API (incubator module {@code jdk.incubator.vector}): explicit SIMD for the
 * reductions the JIT does not vectorise on its own. Same arithmetic as the scalar kernels up to the order of
 * additions and fused multiply-adds. Compiled and loaded only with {@code --add-modules jdk.incubator.vector}.
 */
public final class VectorKernels implements Kernels {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    @Override
    public String name() {
        return "vector (" + LANES + " × double)";
    }

    @Override
    public void reductionPass(double[] a, int n, int k, double[] v, double[] w, double[] u, double[] p) {
        int i = k + 1;
        for (; i + 1 < n; i += 2) {                                     // rows i and i+1 share v, w, u, p
            int r0 = i * n, r1 = r0 + n;
            double vi0 = v[i], wi0 = w[i], ui0 = u[i], vi1 = v[i + 1], wi1 = w[i + 1], ui1 = u[i + 1];
            DoubleVector dot0 = DoubleVector.zero(SPECIES), dot1 = dot0;
            DoubleVector u0 = DoubleVector.broadcast(SPECIES, ui0), u1 = DoubleVector.broadcast(SPECIES, ui1);
            int j = k + 1;
            for (int bound = j + SPECIES.loopBound(i - j); j < bound; j += LANES) {
                DoubleVector wj = DoubleVector.fromArray(SPECIES, w, j);
                DoubleVector vj = DoubleVector.fromArray(SPECIES, v, j);
                DoubleVector uj = DoubleVector.fromArray(SPECIES, u, j);
                DoubleVector x0 = DoubleVector.fromArray(SPECIES, a, r0 + j).sub(wj.mul(vi0).add(vj.mul(wi0)));
                DoubleVector x1 = DoubleVector.fromArray(SPECIES, a, r1 + j).sub(wj.mul(vi1).add(vj.mul(wi1)));
                x0.intoArray(a, r0 + j);
                x1.intoArray(a, r1 + j);
                x1.fma(u1, x0.fma(u0, DoubleVector.fromArray(SPECIES, p, j))).intoArray(p, j);
                dot0 = x0.fma(uj, dot0);
                dot1 = x1.fma(uj, dot1);
            }
            double sum0 = dot0.reduceLanes(VectorOperators.ADD), sum1 = dot1.reduceLanes(VectorOperators.ADD);
            for (; j < i; j++) {
                double x0 = a[r0 + j] - (vi0 * w[j] + wi0 * v[j]);
                double x1 = a[r1 + j] - (vi1 * w[j] + wi1 * v[j]);
                a[r0 + j] = x0;
                a[r1 + j] = x1;
                p[j] += ui0 * x0 + ui1 * x1;
                sum0 += x0 * u[j];
                sum1 += x1 * u[j];
            }
            double diagonal0 = a[r0 + i] - (vi0 * w[i] + wi0 * v[i]);
            double below = a[r1 + i] - (vi1 * w[i] + wi1 * v[i]);
            double diagonal1 = a[r1 + i + 1] - (vi1 * w[i + 1] + wi1 * v[i + 1]);
            a[r0 + i] = diagonal0;
            a[r1 + i] = below;
            a[r1 + i + 1] = diagonal1;
            p[i] += sum0 + diagonal0 * ui0 + below * ui1;
            p[i + 1] += sum1 + below * ui0 + diagonal1 * ui1;
        }
        if (i < n) Kernels.reductionRow(a, n, k, i, v, w, u, p);       // the odd last row, scalar
    }

    @Override
    public double[] gram(double[] y, int m, int d) {
        double[] g = new double[m * m];
        for (int i = 0; i < m; i += 2) gramRows(y, m, d, i, g);
        return g;
    }

    /** Rows i and i+1 of G (a method of its own, so that the JIT compiles it whole). */
    private static void gramRows(double[] y, int m, int d, int i, double[] g) {
        int vectorEnd = SPECIES.loopBound(d);
        {
            int i1 = Math.min(i + 1, m - 1);
            int a0 = i * d, a1 = i1 * d;
            int j = 0;
            for (; j + 3 <= i1; j += 4) {                                          // G[i..i+1][j..j+3]
                int b0 = j * d, b1 = b0 + d, b2 = b1 + d, b3 = b2 + d;
                DoubleVector s00 = DoubleVector.zero(SPECIES), s01 = s00, s02 = s00, s03 = s00;
                DoubleVector s10 = s00, s11 = s00, s12 = s00, s13 = s00;
                for (int l = 0; l < vectorEnd; l += LANES) {
                    DoubleVector x0 = DoubleVector.fromArray(SPECIES, y, a0 + l);
                    DoubleVector x1 = DoubleVector.fromArray(SPECIES, y, a1 + l);
                    DoubleVector c = DoubleVector.fromArray(SPECIES, y, b0 + l);
                    s00 = x0.fma(c, s00);
                    s10 = x1.fma(c, s10);
                    c = DoubleVector.fromArray(SPECIES, y, b1 + l);
                    s01 = x0.fma(c, s01);
                    s11 = x1.fma(c, s11);
                    c = DoubleVector.fromArray(SPECIES, y, b2 + l);
                    s02 = x0.fma(c, s02);
                    s12 = x1.fma(c, s12);
                    c = DoubleVector.fromArray(SPECIES, y, b3 + l);
                    s03 = x0.fma(c, s03);
                    s13 = x1.fma(c, s13);
                }
                double[] block = {s00.reduceLanes(VectorOperators.ADD), s01.reduceLanes(VectorOperators.ADD),
                        s02.reduceLanes(VectorOperators.ADD), s03.reduceLanes(VectorOperators.ADD),
                        s10.reduceLanes(VectorOperators.ADD), s11.reduceLanes(VectorOperators.ADD),
                        s12.reduceLanes(VectorOperators.ADD), s13.reduceLanes(VectorOperators.ADD)};
                for (int l = vectorEnd; l < d; l++) {
                    for (int q = 0; q < 4; q++) {
                        block[q] += y[a0 + l] * y[b0 + q * d + l];
                        block[4 + q] += y[a1 + l] * y[b0 + q * d + l];
                    }
                }
                for (int q = 0; q < 4; q++) {
                    g[i * m + j + q] = block[q];
                    g[i1 * m + j + q] = block[4 + q];                              // (i, j+3) may lie above
                }                                                                  // the diagonal: harmless
            }
            for (; j <= i1; j++) {
                int b0 = j * d;
                DoubleVector s0 = DoubleVector.zero(SPECIES), s1 = s0;
                for (int l = 0; l < vectorEnd; l += LANES) {
                    DoubleVector c = DoubleVector.fromArray(SPECIES, y, b0 + l);
                    s0 = DoubleVector.fromArray(SPECIES, y, a0 + l).fma(c, s0);
                    s1 = DoubleVector.fromArray(SPECIES, y, a1 + l).fma(c, s1);
                }
                double t0 = s0.reduceLanes(VectorOperators.ADD), t1 = s1.reduceLanes(VectorOperators.ADD);
                for (int l = vectorEnd; l < d; l++) {
                    t0 += y[a0 + l] * y[b0 + l];
                    t1 += y[a1 + l] * y[b0 + l];
                }
                if (j <= i) g[i * m + j] = t0;
                g[i1 * m + j] = t1;
            }
        }
    }

    @Override
    public void bidiagonalisationRows(double[] a, int i, int count, int k, int c, double tauLeft, double[] u,
                                      double[] w, double[] v, double tau, double[] s) {
        if (count == 2) bidiagonalisationPair(a, i, k, c, tauLeft, u, w, v, tau, s);
        else u[i] = bidiagonalisationRow(a, i * c, k, c, tauLeft * u[i], w, v, tau, s);
    }

    /** Rows i and i+1 of {@link #bidiagonalisationRows}, sharing the loads of w, v and s. */
    private static void bidiagonalisationPair(double[] a, int i, int k, int c, double tauLeft, double[] u,
                                              double[] w, double[] v, double tau, double[] s) {
        int o0 = i * c, o1 = o0 + c;
        double left0 = tauLeft * u[i], left1 = tauLeft * u[i + 1];
        DoubleVector l0 = DoubleVector.broadcast(SPECIES, -left0), l1 = DoubleVector.broadcast(SPECIES, -left1);
        DoubleVector dots0 = DoubleVector.zero(SPECIES), dots1 = dots0;
        int j = k;
        for (int bound = k + SPECIES.loopBound(c - k); j < bound; j += LANES) {
            DoubleVector wj = DoubleVector.fromArray(SPECIES, w, j), vj = DoubleVector.fromArray(SPECIES, v, j);
            DoubleVector x0 = wj.fma(l0, DoubleVector.fromArray(SPECIES, a, o0 + j));     // a − τ_L·u_i·w
            DoubleVector x1 = wj.fma(l1, DoubleVector.fromArray(SPECIES, a, o1 + j));
            x0.intoArray(a, o0 + j);
            x1.intoArray(a, o1 + j);
            dots0 = x0.fma(vj, dots0);                                                   // a·v
            dots1 = x1.fma(vj, dots1);
        }
        double dot0 = dots0.reduceLanes(VectorOperators.ADD), dot1 = dots1.reduceLanes(VectorOperators.ADD);
        for (; j < c; j++) {
            double x0 = a[o0 + j] - left0 * w[j], x1 = a[o1 + j] - left1 * w[j];
            a[o0 + j] = x0;
            a[o1 + j] = x1;
            dot0 += x0 * v[j];
            dot1 += x1 * v[j];
        }
        double coefficient0 = tau * dot0, coefficient1 = tau * dot1;
        double column0 = a[o0 + k] - coefficient0 * v[k], column1 = a[o1 + k] - coefficient1 * v[k];
        a[o0 + k] = column0;
        a[o1 + k] = column1;
        DoubleVector c0 = DoubleVector.broadcast(SPECIES, -coefficient0);
        DoubleVector c1 = DoubleVector.broadcast(SPECIES, -coefficient1);
        DoubleVector x0k = DoubleVector.broadcast(SPECIES, column0), x1k = DoubleVector.broadcast(SPECIES, column1);
        j = k + 1;
        for (int bound = j + SPECIES.loopBound(c - j); j < bound; j += LANES) {
            DoubleVector vj = DoubleVector.fromArray(SPECIES, v, j);
            DoubleVector x0 = vj.fma(c0, DoubleVector.fromArray(SPECIES, a, o0 + j));     // a − τ(a·v)·v
            DoubleVector x1 = vj.fma(c1, DoubleVector.fromArray(SPECIES, a, o1 + j));
            x0.intoArray(a, o0 + j);
            x1.intoArray(a, o1 + j);
            x1.fma(x1k, x0.fma(x0k, DoubleVector.fromArray(SPECIES, s, j))).intoArray(s, j);   // s + a_ik·a_i
        }
        for (; j < c; j++) {
            double x0 = a[o0 + j] - coefficient0 * v[j], x1 = a[o1 + j] - coefficient1 * v[j];
            a[o0 + j] = x0;
            a[o1 + j] = x1;
            s[j] += column0 * x0 + column1 * x1;
        }
        u[i] = column0;
        u[i + 1] = column1;
    }

    /** One row of {@link #bidiagonalisationRows}: columns [k, c) of the row at {@code offset}; its new a_k. */
    private static double bidiagonalisationRow(double[] a, int offset, int k, int c, double left, double[] w,
                                               double[] v, double tau, double[] s) {
        DoubleVector minusLeft = DoubleVector.broadcast(SPECIES, -left);
        DoubleVector dots = DoubleVector.zero(SPECIES);
        int j = k;
        for (int bound = k + SPECIES.loopBound(c - k); j < bound; j += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, w, j)
                    .fma(minusLeft, DoubleVector.fromArray(SPECIES, a, offset + j));   // a − left·w
            x.intoArray(a, offset + j);
            dots = x.fma(DoubleVector.fromArray(SPECIES, v, j), dots);               // a·v
        }
        double dot = dots.reduceLanes(VectorOperators.ADD);
        for (; j < c; j++) {
            double x = a[offset + j] - left * w[j];
            a[offset + j] = x;
            dot += x * v[j];
        }
        double coefficient = tau * dot;
        double column = a[offset + k] - coefficient * v[k];
        a[offset + k] = column;
        DoubleVector minusCoefficient = DoubleVector.broadcast(SPECIES, -coefficient);
        DoubleVector columns = DoubleVector.broadcast(SPECIES, column);
        j = k + 1;
        for (int bound = j + SPECIES.loopBound(c - j); j < bound; j += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, v, j)
                    .fma(minusCoefficient, DoubleVector.fromArray(SPECIES, a, offset + j));   // a − τ(a·v)·v
            x.intoArray(a, offset + j);
            x.fma(columns, DoubleVector.fromArray(SPECIES, s, j)).intoArray(s, j);         // s + a_k·a
        }
        for (; j < c; j++) {
            double x = a[offset + j] - coefficient * v[j];
            a[offset + j] = x;
            s[j] += column * x;
        }
        return column;
    }
}
