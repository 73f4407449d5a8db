package org.verl4j.rank.fast;

/**
 * From the eigenvalues of a squared matrix (Gram {@code G = Y_m·Y_mᵀ} or scatter {@code S = Y_mᵀ·Y_m}) back to
 * the singular values of ALGORITHM.md §2 — or a refusal when the squared route cannot be trusted for this window.
 *
 * <p><b>The noise floor.</b> Squaring maps σ to λ = σ², and the eigenvalues of G come out with an absolute error
 * of order {@code eps·n·λ_max} at worst (Gram formation plus a backward-stable reduction). An exactly zero
 * singular value therefore returns as a "noise eigenvalue" |λ| ≲ δ, whose square root
 * {@code √δ ≈ 1e-7·σ_max} would count in §2's {@code −Σ p ln(p + ε)} as a spurious singular value — the
 * authors' float32 Gram bug (ALGORITHM.md §2), only smaller. So every eigenvalue under the floor is a zero:
 * <pre>
 * δ = 4·eps·(n + √inner)·λ_max         n = order of G, inner = length of the summed products
 * σ_i = √λ_i  if λ_i &gt; δ,   else 0   (negative round-off included)
 * </pre>
 * <b>The check.</b> The floor is right for true zeros but wrong for true singular values in (0, √δ], which
 * float32-rounded rank-deficient data has in numbers, and above the floor a small σ_i is only as good as
 * λ_i's absolute error allows. Hence a first-order a-posteriori estimate of ER's relative error, with
 * S' = Σσ + ε, p_i = σ_i/S', g_i = −ln(p_i + ε) − p_i/(p_i + ε):
 * <pre>
 * η    = eps·λ_max                                            typical |Δλ_i| (worst case: δ)
 * Δσ_i = √(λ_i + η) − √(max(λ_i − η, 0))    above the floor;   √(max(λ_i, 0) + δ)   floored
 * ∂H/∂σ_i = (g_i − Σ_j p_j g_j) / S'
 * |ΔER|/ER = |ΔH| ≈ √(Σ_i (∂H/∂σ_i · Δσ_i)²)                 errors of different λ_i taken as independent
 * </pre>
 * When the estimate exceeds {@link #TOLERANCE} the window goes to the exact, non-squaring route on its Helmert rows
 * ({@link CentredSpectrum}). A floored eigenvalue alone contributes about {@code 18·√δ/S'} ≫ 1e-9, so any
 * window with numerically zero or sub-floor singular values is solved exactly; an all-zero G (constant rows)
 * has λ_max = δ = 0 and is exact as it stands (σ = 0, ER = 1). The estimate is a model, not a proof: on the
 * inputs of {@code FastPathTest} (and near-square windows, the hardest accepted ones) it exceeded the actual
 * deviation from the full-SVD oracle by 5–300×, and accepted windows agree with the oracle to ≤ 2e-11.
 */
final class SquaredSpectrum {

    /** Largest accepted estimate of the relative ER error of a window. */
    static final double TOLERANCE = 1e-10;

    private static final double EPS = 0x1p-52;

    private SquaredSpectrum() {
    }

    /**
     * σ from the eigenvalues {@code lambda[0..n)} (not modified) of the squared form of c·Y, in that scale
     * (σ_i·c), or {@code null} when the error estimate exceeds {@link #TOLERANCE}. The estimate is made in the
     * true scale, σ_i = √λ_i·unscale ({@code unscale} = 1/c), because ε is absolute.
     */
    static double[] singularValues(double[] lambda, int n, int inner, double unscale, double epsilon) {
        double lambdaMax = 0;
        for (int i = 0; i < n; i++) lambdaMax = Math.max(lambdaMax, lambda[i]);
        double delta = 4 * EPS * (n + Math.sqrt(inner)) * lambdaMax;                // δ, the floor
        double eta = EPS * lambdaMax;                                               // η
        double[] sigma = new double[n];
        double[] spread = new double[n];                                            // Δσ_i
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double l = lambda[i];
            if (l > delta) {
                sigma[i] = Math.sqrt(l);                                            // σ_i
                spread[i] = Math.sqrt(l + eta) - Math.sqrt(Math.max(l - eta, 0));
            } else {
                spread[i] = Math.sqrt(Math.max(l, 0) + delta);
            }
            sum += sigma[i];
        }
        double denominator = sum * unscale + epsilon;                               // S', true scale
        double meanG = 0;
        for (int i = 0; i < n; i++) {
            double p = sigma[i] * unscale / denominator;
            meanG += p * g(p, epsilon);
        }
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double term = (g(sigma[i] * unscale / denominator, epsilon) - meanG) * spread[i] * unscale;
            squares += term * term;
        }
        double estimate = Math.sqrt(squares) / denominator;                        // ≈ |ΔER|/ER
        return estimate <= TOLERANCE ? sigma : null;
    }

    /** g(p) = −ln(p + ε) − p/(p + ε) = ∂(−p·ln(p + ε))/∂p. */
    private static double g(double p, double epsilon) {
        return -Math.log(p + epsilon) - p / (p + epsilon);
    }
}
