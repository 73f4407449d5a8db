package org.verl4j.rl;

/**
 * Sample-based evaluation metrics of one problem with n samples of which c are correct (ALGORITHM.md §9).
 *
 * <pre>
 * pass@k = 1 − C(n−c, k)/C(n, k) = 1 − Π_{i=n−c+1}^{n} (1 − k/i)      product form, 1 ≤ k ≤ n
 *          = 1 exactly when n − c &lt; k
 * mean@n = c / n
 * </pre>
 * Benchmark scores average these over problems; the table's "Avg." is a plain mean over benchmarks.
 */
public final class PassAtK {

    private PassAtK() {
    }

    /** Unbiased pass@k (product form). */
    public static double passAtK(int n, int c, int k) {
        check(n, c);
        if (k < 1 || k > n) throw new IllegalArgumentException("pass@k needs 1 ≤ k ≤ n, got k = " + k + ", n = " + n);
        if (n - c < k) return 1.0;
        double notPass = 1.0;
        for (int i = n - c + 1; i <= n; i++) notPass *= 1.0 - (double) k / i;   // Π (1 − k/i)
        return 1.0 - notPass;
    }

    /** mean@n = c/n, the expected accuracy of one sample. */
    public static double meanAtN(int n, int c) {
        check(n, c);
        return (double) c / n;
    }

    private static void check(int n, int c) {
        if (n < 1) throw new IllegalArgumentException("n (samples) must be ≥ 1, got " + n);
        if (c < 0 || c > n) throw new IllegalArgumentException("c (correct samples) must be in [0, n = " + n + "], got " + c);
    }
}
