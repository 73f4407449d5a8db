package org.verl4j.rank.fast;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.verl4j.rank.simd.Kernels;

import java.util.Arrays;

/**
 * The exact fallback: σ of a window from its Helmert rows Y_m (the centred window up to an orthogonal change
 * of row basis, {@link HelmertRows}) without squaring anything. Used when {@link SquaredSpectrum} refuses a
 * window.
 *
 * <pre>
 * A = Y_m (m ≤ d) or Y_mᵀ (m &gt; d)                    r×c with r = min(m, d) ≤ c
 * A → B lower bidiagonal (α on the diagonal, β below)  {@link Bidiagonalisation}, orthogonal two-sided
 * T = [0 Bᵀ; B 0] permuted to tridiagonal: zero diagonal, off-diagonal (α_0, β_0, α_1, β_1, …, α_{r−1})
 * eig(T) = {±σ_i}  (Golub–Kahan)   →   σ_i = |i-th largest eigenvalue of T|,  i &lt; r
 * </pre>
 * The eigenvalues of T come from the same rational QL as the squared route ({@link TridiagonalEigenvalues}),
 * after off-diagonal entries below {@code eps·max(|α|, |β|)} are set to 0 (QL would deflate them anyway, and
 * their squares would underflow inside the rational iteration).
 *
 * <p><b>Error.</b> Householder bidiagonalisation is backward stable, B = Uᵀ(A + E)V with
 * ‖E‖₂ ≤ c₁·(r + c)·eps·‖A‖₂, and QL with absolute deflation returns the eigenvalues of T + F with
 * ‖F‖₂ ≤ c₂·eps·‖B‖₂; by Weyl's inequality every σ_i is off by at most
 * <pre>
 * |Δσ_i| ≤ c·(r + c)·eps·σ_max                           absolute, also for σ_i ≈ 0 (nothing squared)
 * </pre>
 * instead of the squared route's √(eps)·σ_max for small σ. ER's sensitivity is bounded: with
 * S' = Σσ + ε, p_i = σ_i/S', g_i = −ln(p_i + ε) − p_i/(p_i + ε) ∈ [−1, ln(1/ε)],
 * <pre>
 * ∂H/∂σ_i = (g_i − Σ_j p_j g_j)/S'   ⇒   |ΔER|/ER ≈ |ΔH| ≤ 2·(ln(1/ε) + 1)·Σ_i |Δσ_i| / S'
 * </pre>
 * and S' ≥ σ_max, so the relative ER error is at most ≈ 39·r·c·(r + c)·eps in the worst case, and of the
 * order of 39·√r·eps·(a modest factor) for rounding errors that do not all align. Observed against the
 * full-SVD oracle: ≤ 2.1e-13 relative on ER over 474 prefix windows of every {@code FastPathCases} input, all
 * solved this way (the squared route's accepted windows: ≤ 2e-11). Should QL not converge or return NaN (never
 * observed), the window goes to EJML's full SVD as a last resort.
 */
final class CentredSpectrum {

    private static final double EPS = 0x1p-52;

    private CentredSpectrum() {
    }

    /** σ (min(m, d) values, unordered) of the first {@code m} rows of the Helmert matrix {@code y} (d columns). */
    static double[] singularValues(double[] y, int m, int d, Kernels kernels) {
        int r = Math.min(m, d), c = Math.max(m, d);
        double[] a;
        if (m <= d) {
            a = Arrays.copyOf(y, m * d);                                // Y_m
        } else {
            a = new double[d * m];                                      // Y_mᵀ
            for (int k = 0; k < m; k++) for (int j = 0; j < d; j++) a[j * m + k] = y[k * d + j];
        }
        double[] alpha = new double[r], beta = new double[Math.max(r - 1, 0)];
        Bidiagonalisation.reduce(a, r, c, alpha, beta, kernels);
        int n = 2 * r;
        double[] lambda = new double[n], e = new double[n];             // T: zero diagonal
        double largest = 0;
        for (int i = 0; i < r; i++) {
            e[2 * i] = alpha[i];
            if (i + 1 < r) e[2 * i + 1] = beta[i];
            largest = Math.max(largest, Math.max(Math.abs(alpha[i]), i + 1 < r ? Math.abs(beta[i]) : 0));
        }
        double negligible = EPS * largest;                              // below QL's own deflation level:
        for (int i = 0; i + 1 < n; i++) if (Math.abs(e[i]) <= negligible) e[i] = 0;   // no underflow in e²
        try {
            TridiagonalEigenvalues.solve(lambda, e, n);
        } catch (ArithmeticException notConverged) {
            return bySvd(y, m, d);
        }
        for (int i = 0; i < n; i++) if (Double.isNaN(lambda[i])) return bySvd(y, m, d);
        Arrays.sort(lambda);                                            // ascending: σ's are the top r
        double[] sigma = new double[r];
        for (int i = 0; i < r; i++) sigma[i] = Math.abs(lambda[n - 1 - i]);
        return sigma;
    }

    /** The last resort: σ by EJML's full double-precision SVD. */
    static double[] bySvd(double[] y, int m, int d) {
        DMatrixRMaj block = new DMatrixRMaj(m, d);
        System.arraycopy(y, 0, block.data, 0, m * d);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, d, false, false, true);
        if (!svd.decompose(block)) throw new ArithmeticException("SVD did not converge for a " + m + "×" + d + " window");
        return Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
    }
}
