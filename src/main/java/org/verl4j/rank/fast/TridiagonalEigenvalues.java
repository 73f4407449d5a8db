package org.verl4j.rank.fast;

/**
 * Eigenvalues of a symmetric tridiagonal matrix by the rational (square-root-free) QL method with implicit
 * shifts: EISPACK's {@code tqlrat}, which iterates on the squared off-diagonal {@code e_i²} and needs no square
 * root per rotation (about a third faster than {@code tql1} here; eigenvalues only).
 *
 * <p>Deflation is absolute: {@code e_m² ≤ (eps·‖T‖)²} with ‖T‖ = max_i(|d_i| + |e_i|) over the whole matrix,
 * not the running maximum of the EISPACK original. A relative test stalls on clusters of (numerically) zero
 * eigenvalues, which Gram matrices of rank-deficient windows have in numbers; the absolute test costs nothing
 * in accuracy, because eigenvalues of the reduction are only accurate to O(eps·‖T‖) anyway. The matrix is
 * scaled to ‖T‖ = 1 first, so the squares neither overflow nor underflow.
 */
final class TridiagonalEigenvalues {

    private static final double EPS = 0x1p-52;

    private TridiagonalEigenvalues() {
    }

    /**
     * Overwrites {@code d[0..n)} with the eigenvalues (unordered) of the tridiagonal (d, e), where
     * {@code e[i] = T[i][i+1]} for i &lt; n−1; {@code e} is destroyed (needs length ≥ n).
     *
     * @throws ArithmeticException if an eigenvalue needs more than 60 QL iterations
     */
    static void solve(double[] d, double[] e, int n) {
        if (n == 0) return;
        double norm = 0;
        for (int i = 0; i < n; i++) norm = Math.max(norm, Math.abs(d[i]) + (i < n - 1 ? Math.abs(e[i]) : 0));
        if (norm == 0) return;
        double scale = 1.0 / norm;
        for (int i = 0; i < n; i++) {
            d[i] *= scale;
            double x = i < n - 1 ? e[i] * scale : 0;
            e[i] = x * x;                                               // e_i², from here on
        }
        double tiny = EPS, tol = EPS * EPS;                             // deflate when e_m² ≤ (eps·‖T‖)²
        double f = 0;                                                   // accumulated shift
        for (int l = 0; l < n; l++) {
            for (int iteration = 0; ; iteration++) {
                int m = l;
                while (m < n - 1 && e[m] > tol) m++;
                if (m == l) break;
                if (iteration == 60) throw new ArithmeticException("QL iteration did not converge (n = " + n + ")");
                double s = Math.sqrt(e[l]);                             // shift from the leading 2×2 block
                double g = d[l];
                double p = (d[l + 1] - g) / (2.0 * s);
                double r = Math.sqrt(p * p + 1.0);
                d[l] = s / (p + (p >= 0 ? r : -r));
                double h = g - d[l];
                for (int i = l + 1; i < n; i++) d[i] -= h;
                f += h;
                g = d[m];                                               // rational QL sweep from m up to l
                if (g == 0) g = tiny;
                h = g;
                s = 0;
                for (int i = m - 1; i >= l; i--) {
                    p = g * h;
                    r = p + e[i];
                    e[i + 1] = s * r;
                    s = e[i] / r;
                    d[i + 1] = h + s * (h + d[i]);
                    g = d[i] - e[i] / g;
                    if (g == 0) g = tiny;
                    h = g * p / r;
                }
                e[l] = s * g;
                d[l] = h;
                if (h == 0 || Math.abs(e[l]) <= Math.abs(tol / h)) break;   // guards against underflow
                e[l] = h * e[l];
                if (e[l] == 0) break;
            }
            d[l] += f;
        }
        for (int i = 0; i < n; i++) d[i] *= norm;
    }
}
