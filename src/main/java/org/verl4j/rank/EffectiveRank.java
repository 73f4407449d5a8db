package org.verl4j.rank;

/**
 * Effective Rank of a matrix from its centred singular values (ALGORITHM.md §2).
 *
 * <pre>
 * Zc  = Z − 1·mean_rows(Z)
 * σ_i = singular values of Zc             (not squared)
 * p_i = σ_i / (Σ_j σ_j + ε)               ε = 1e-8, added once to the denominator
 * H   = − Σ_i p_i · ln(p_i + ε)           every σ_i counts, nothing thresholded
 * ER  = exp(H)
 * </pre>
 * Edge values: {@code T < 2 → ER = 0}; {@code Zc = 0 → ER = 1} (all p_i = 0, so H = 0). This class is the
 * step from σ to ER; σ itself comes from {@link SvdRank} (the definition) or the fast path, and
 * {@link ResponseRank#er} measures a matrix end to end.
 */
public final class EffectiveRank {

    /** ε of ALGORITHM.md §2. */
    public static final double EPSILON = 1e-8;

    private EffectiveRank() {
    }

    /** H = −Σ p_i ln(p_i + ε) with p_i = σ_i/(Σσ + ε): the "Log ER". */
    public static double entropy(double[] sigma) {
        double sum = 0;
        for (double s : sigma) sum += s;                    // Σ_j σ_j
        double denominator = sum + EPSILON;
        double h = 0;
        for (double s : sigma) {
            double p = s / denominator;                     // p_i
            h -= p * Math.log(p + EPSILON);                 // −p_i ln(p_i + ε)
        }
        return h;
    }

    /** ER = exp(H) from singular values already computed. */
    public static double fromSingularValues(double[] sigma) {
        return exp(entropy(sigma));
    }

    /** Numerical rank {@code #{σ_i > σ_max · max(T, d) · 2^-23}} (the float32 machine-epsilon convention). */
    public static int traditionalRank(double[] sigma, int rows, int cols) {
        double max = 0;
        for (double s : sigma) max = Math.max(max, s);
        double tol = max * Math.max(rows, cols) * 0x1p-23;
        int r = 0;
        for (double s : sigma) if (s > tol) r++;
        return r;
    }

    private static double exp(double h) {
        return Math.exp(h);
    }
}
