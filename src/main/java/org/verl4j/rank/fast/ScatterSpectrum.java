package org.verl4j.rank.fast;

import org.verl4j.rank.simd.Kernels;

import java.util.Optional;

/**
 * σ of a centred window known only by the triangular factor R of its scatter — {@code S = Σ_k (z_k − μ)(z_k − μ)ᵀ
 * = RᵀR} of its m+1 rows — for callers that merge summaries instead of keeping rows (ALGORITHM.md §4 over a cluster). The
 * same two routes as {@link PrefixSpectra}'s scatter side for m &gt; d, with Rᵀ in place of the Helmert rows:
 * <pre>
 * R' = c·R,  c = 2^(−k) with max|R'_ij| ∈ [1, 2)              exact (powers of two)
 * S' = R'ᵀR'                                                  the Gram matrix of Rᵀ's rows ({@code kernels.gram})
 * λ = eig(S'), σ_i = √λ_i / c, noise floor, error estimate    {@link SquaredSpectrum} (n = d, inner = m)
 * where the estimate refuses: σ = σ(R'ᵀ) / c                  {@link CentredSpectrum}, nothing squared
 * </pre>
 * So a rank-deficient window (repeated rows) is measured, not refused; empty only where R is not finite.
 */
public final class ScatterSpectrum {

    private ScatterSpectrum() {
    }

    /**
     * σ (d values, unordered) of the window whose scatter's factor R has the upper triangle {@code packed} (row by
     * row: R_ij at i·d − i(i−1)/2 + j − i, j ≥ i; not modified), over {@code rows} = m+1 rows; empty where R is not
     * finite.
     *
     * @param epsilon ALGORITHM.md §2's ε, which the error estimate needs
     */
    public static Optional<double[]> ofFactor(double[] packed, int d, long rows, double epsilon, Kernels kernels) {
        if (packed.length != d * (d + 1) / 2)
            throw new IllegalArgumentException("a packed " + d + "×" + d + " upper triangle has " + d * (d + 1) / 2
                    + " entries, got " + packed.length);
        if (rows < 2) throw new IllegalArgumentException("a scatter of " + rows + " row(s) has no centred spectrum");
        double[] rt = new double[d * d];                                                  // Rᵀ: row j = column j of R
        double max = 0;
        for (int i = 0, at = 0; i < d; i++)
            for (int j = i; j < d; j++) {
                double v = packed[at++];
                if (!Double.isFinite(v)) return Optional.empty();
                rt[j * d + i] = v;
                max = Math.max(max, Math.abs(v));
            }
        if (max == 0) return Optional.of(new double[d]);                                  // constant rows: σ = 0
        int k = Math.getExponent(max);                                                    // max|R|·2^(−k) ∈ [1, 2)
        for (int i = 0; i < rt.length; i++) rt[i] = Math.scalb(rt[i], -k);
        double unscale = Math.scalb(1.0, k);                                              // 1/c
        double[] sigma = squared(kernels.gram(rt, d, d), d, rows, unscale, epsilon, kernels);
        if (sigma == null) sigma = CentredSpectrum.singularValues(rt, d, d, kernels);    // σ(R'ᵀ) = σ(R')
        for (int i = 0; i < sigma.length; i++) sigma[i] *= unscale;                       // σ_i / c, exact
        return Optional.of(sigma);
    }

    /** σ' of the scaled scatter (lower triangle, row stride d; overwritten) by the squared route, or null if refused. */
    private static double[] squared(double[] s, int d, long rows, double unscale, double epsilon, Kernels kernels) {
        double[] lambda = new double[d], e = new double[d];
        Tridiagonalisation.reduce(s, d, lambda, e, kernels);
        try {
            TridiagonalEigenvalues.solve(lambda, e, d);
        } catch (ArithmeticException notConverged) {
            return null;
        }
        return SquaredSpectrum.singularValues(lambda, d, (int) Math.min(rows - 1, Integer.MAX_VALUE), unscale, epsilon);
    }
}
