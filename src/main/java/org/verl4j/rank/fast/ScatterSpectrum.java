package org.verl4j.rank.fast;

import org.verl4j.rank.simd.Kernels;

import java.util.Optional;

/**
 * σ of a centred window known only by its scatter — the d×d {@code S = Σ_k (z_k − μ)(z_k − μ)ᵀ = Y_mᵀ·Y_m} of
 * its m+1 rows (m Helmert rows, {@link HelmertRows}) — for callers that merge scatters instead of keeping rows
 * (spec §4 over a cluster). The same route as {@link PrefixSpectra}'s scatter side for m &gt; d:
 * <pre>
 * S' = c²·S,  c = 2^(−k) with max_i S_ii·c² ∈ [1, 4)         exact (powers of two); S is PSD, so max|S_ij| = max S_ii
 * λ = eig(S')                                                 Householder tridiagonalisation + rational QL
 * σ_i = √λ_i / c, noise floor and error estimate              {@link SquaredSpectrum} (n = d, inner = m)
 * </pre>
 * Refused (empty) where the squared route cannot be trusted: the error estimate exceeds its tolerance (m ≤ d, or
 * rank-deficient rows: a window with zero singular values needs the exact, non-squaring route on its rows), QL
 * does not converge, or S is not finite. There is no row-based fallback here: a scatter has no rows.
 */
public final class ScatterSpectrum {

    private ScatterSpectrum() {
    }

    /**
     * σ (d values, unordered) of a window known by the triangular factor R of its scatter (S = RᵀR; {@code packed}
     * holds R's upper triangle row by row: R_ij at i·d − i(i−1)/2 + j − i, j ≥ i; not modified), with {@code rows}
     * = m+1 rows: the squared route on S = RᵀR where it accepts (a tridiagonal eigenproblem), else the exact route
     * on R's rows ({@link CentredSpectrum}: σ(R) = σ of the centred window, nothing squared) — so a rank-deficient
     * window is measured, not refused. Empty only where R is not finite.
     */
    public static Optional<double[]> ofFactor(double[] packed, int d, long rows, double epsilon, Kernels kernels) {
        if (packed.length != d * (d + 1) / 2)
            throw new IllegalArgumentException("a packed " + d + "×" + d + " upper triangle has " + d * (d + 1) / 2
                    + " entries, got " + packed.length);
        double max = 0;
        for (double v : packed) {
            if (!Double.isFinite(v)) return Optional.empty();
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0) return Optional.of(new double[d]);                                  // constant rows: σ = 0
        double[] y = new double[d * d];                                                   // R, dense rows
        for (int i = 0, at = 0; i < d; i++)
            for (int j = i; j < d; j++) y[i * d + j] = packed[at++];
        double[] col = new double[d * d];                                                 // Rᵀ: column i of R contiguous
        for (int i = 0; i < d; i++) for (int j = i; j < d; j++) col[j * d + i] = y[i * d + j];
        double[] gram = kernels.gram(col, d, d);                                          // S_ij = Σ_q R_qi·R_qj (lower)
        double[] s = new double[d * (d + 1) / 2];                                          // S = RᵀR, packed lower
        for (int i = 0; i < d; i++) System.arraycopy(gram, i * d, s, i * (i + 1) / 2, i + 1);
        Optional<double[]> squared = singularValues(s, d, rows, epsilon, kernels);        // refuses a non-finite S too
        if (squared.isPresent()) return squared;
        int k = Math.getExponent(max);                                                    // R·2^(−k): max ∈ [1, 2)
        for (int i = 0; i < y.length; i++) y[i] = Math.scalb(y[i], -k);
        double[] sigma = CentredSpectrum.singularValues(y, d, d, kernels);
        for (int i = 0; i < sigma.length; i++) sigma[i] = Math.scalb(sigma[i], k);        // exact powers of two
        return Optional.of(sigma);
    }

    /**
     * σ (d values, unordered) of the window whose scatter's lower triangle is {@code packed} (row by row:
     * S_ij at i(i+1)/2 + j, j ≤ i; not modified), with {@code rows} = m+1 rows, or empty when refused.
     *
     * @param epsilon spec §2's ε, which the error estimate needs
     */
    public static Optional<double[]> singularValues(double[] packed, int d, long rows, double epsilon, Kernels kernels) {
        if (packed.length != d * (d + 1) / 2)
            throw new IllegalArgumentException("a packed " + d + "×" + d + " lower triangle has " + d * (d + 1) / 2
                    + " entries, got " + packed.length);
        if (rows < 2) throw new IllegalArgumentException("a scatter of " + rows + " row(s) has no centred spectrum");
        double max = 0;
        for (int i = 0; i < d; i++) max = Math.max(max, packed[i * (i + 1) / 2 + i]);       // max S_ii
        for (double v : packed) if (!Double.isFinite(v)) return Optional.empty();
        if (max == 0) return Optional.of(new double[d]);                                  // constant rows: σ = 0
        int k = Math.floorDiv(Math.getExponent(max), 2);                                  // max·4^(−k) ∈ [1, 4)
        double[] a = new double[d * d];                                                   // S', lower, stride d
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++) a[i * d + j] = Math.scalb(packed[i * (i + 1) / 2 + j], -2 * k);
        double unscale = Math.scalb(1.0, k);                                              // 1/c
        double[] lambda = new double[d], e = new double[d];
        Tridiagonalisation.reduce(a, d, lambda, e, kernels);
        double[] sigma;
        try {
            TridiagonalEigenvalues.solve(lambda, e, d);
            sigma = SquaredSpectrum.singularValues(lambda, d, (int) Math.min(rows - 1, Integer.MAX_VALUE), unscale, epsilon);
        } catch (ArithmeticException notConverged) {
            return Optional.empty();
        }
        if (sigma == null) return Optional.empty();
        for (int i = 0; i < d; i++) sigma[i] *= unscale;                                  // σ_i = √λ_i / c
        return Optional.of(sigma);
    }
}
