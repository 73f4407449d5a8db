package org.verl4j.rank;

/**
 * Eigenvalues of a symmetric tridiagonal matrix by the implicit QL method with Wilkinson-type shifts
 * (tql1 of EISPACK, as in JAMA's {@code tql2} without eigenvectors).
 *
 * <p>Deflation is absolute: {@code |e_m| ≤ eps·‖T‖} with ‖T‖ = max_i(|d_i| + |e_i|) over the whole matrix, not
 * the running maximum of tql1. A relative test stalls on clusters of (numerically) zero eigenvalues, which Gram
 * matrices of rank-deficient windows have in numbers; the absolute test costs nothing in accuracy, because the
 * eigenvalues of the reduction are only accurate to O(eps·‖T‖) anyway. The matrix is scaled to ‖T‖ = 1 first,
 * so {@code sqrt(p² + e²)} neither overflows nor underflows and replaces the slow {@code Math.hypot}.
 */
final class TridiagonalEigenvalues {

    private static final double EPS = 0x1p-52;

    private TridiagonalEigenvalues() {
    }

    /**
     * Overwrites {@code d[0..n)} with the eigenvalues (unordered) of the tridiagonal (d, e), where
     * {@code e[i] = T[i][i+1]} for i &lt; n−1; {@code e} is destroyed (needs length ≥ n).
     */
    static void solve(double[] d, double[] e, int n) {
        if (n == 0) return;
        e[n - 1] = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) norm = Math.max(norm, Math.abs(d[i]) + Math.abs(e[i]));
        if (norm == 0) return;
        double scale = 1.0 / norm;
        for (int i = 0; i < n; i++) {
            d[i] *= scale;
            e[i] *= scale;
        }
        double tol = EPS;                                           // absolute: eps·‖T‖ with ‖T‖ = 1
        double f = 0;
        int budget = 50 * n;
        for (int l = 0; l < n; l++) {
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > tol) m++;
            while (m > l) {
                if (--budget < 0) throw new ArithmeticException("QL iteration did not converge (n = " + n + ")");
                double g = d[l];                                    // shift from the leading 2×2 block
                double p = (d[l + 1] - g) / (2.0 * e[l]);
                double r = Math.sqrt(p * p + 1.0);
                if (p < 0) r = -r;
                d[l] = e[l] / (p + r);
                d[l + 1] = e[l] * (p + r);
                double dl1 = d[l + 1];
                double h = g - d[l];
                for (int i = l + 2; i < n; i++) d[i] -= h;
                f += h;
                p = d[m];                                           // implicit QL sweep from m up to l
                double c = 1, c2 = 1, c3 = 1, s = 0, s2 = 0;
                double el1 = e[l + 1];
                for (int i = m - 1; i >= l; i--) {
                    c3 = c2;
                    c2 = c;
                    s2 = s;
                    g = c * e[i];
                    h = c * p;
                    r = Math.sqrt(p * p + e[i] * e[i]);
                    e[i + 1] = s * r;
                    s = e[i] / r;
                    c = p / r;
                    p = c * d[i] - s * g;
                    d[i + 1] = h + s * (c * g + s * d[i]);
                }
                p = -s * s2 * c3 * el1 * e[l] / dl1;
                e[l] = s * p;
                d[l] = c * p;
                m = l;
                while (m < n - 1 && Math.abs(e[m]) > tol) m++;
            }
            d[l] += f;
            e[l] = 0;
        }
        for (int i = 0; i < n; i++) d[i] *= norm;
    }
}
