package org.verl4j.rank.tokens;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Correlation of two per-response metrics (ALGORITHM.md §5's motivation figure: unigram entropy vs average log-prob,
 * ER vs ERV).
 *
 * <pre>
 * Pearson   r  = Σ (x_i − x̄)(y_i − ȳ) / sqrt(Σ (x_i − x̄)² · Σ (y_i − ȳ)²)
 * Spearman  ρ  = r(rank(x), rank(y)),  tied values share the average of their ranks (1-based)
 * R²           = 1 − SS_res / SS_tot of the least-squares line y ≈ α + βx   (= r² for a line with intercept)
 * </pre>
 * Conventions: at least 2 pairs, equal lengths, finite values; a constant x or y leaves r undefined and throws
 * (never NaN).
 */
public final class Correlation {

    private Correlation() {
    }

    /** Pearson's r. */
    public static double pearson(double[] x, double[] y) {
        check(x, y);
        double xBar = mean(x), yBar = mean(y);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - xBar, dy = y[i] - yBar;
            sxy += dx * dy;                                         // Σ (x_i − x̄)(y_i − ȳ)
            sxx += dx * dx;                                         // Σ (x_i − x̄)²
            syy += dy * dy;                                         // Σ (y_i − ȳ)²
        }
        requireSpread(sxx, "x");
        requireSpread(syy, "y");
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Spearman's ρ: Pearson's r of the average ranks. */
    public static double spearman(double[] x, double[] y) {
        check(x, y);
        return pearson(ranks(x), ranks(y));
    }

    /** R² of the least-squares line y ≈ α + βx. */
    public static double rSquared(double[] x, double[] y) {
        check(x, y);
        double xBar = mean(x), yBar = mean(y);
        double sxy = 0, sxx = 0, ssTot = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - xBar) * (y[i] - yBar);
            sxx += (x[i] - xBar) * (x[i] - xBar);
            ssTot += (y[i] - yBar) * (y[i] - yBar);                 // SS_tot
        }
        requireSpread(sxx, "x");
        requireSpread(ssTot, "y");
        double beta = sxy / sxx;                                    // β
        double alpha = yBar - beta * xBar;                          // α
        double ssRes = 0;
        for (int i = 0; i < x.length; i++) {
            double residual = y[i] - (alpha + beta * x[i]);
            ssRes += residual * residual;                           // SS_res
        }
        return 1 - ssRes / ssTot;
    }

    /** 1-based ranks, ties sharing the average of the ranks they span. */
    public static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] rank = new double[x.length];
        for (int start = 0; start < x.length; ) {
            int end = start;
            while (end + 1 < x.length && x[order[end + 1]] == x[order[start]]) end++;
            double average = (start + end) / 2.0 + 1;               // mean of ranks start+1 … end+1
            for (int i = start; i <= end; i++) rank[order[i]] = average;
            start = end + 1;
        }
        return rank;
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("correlation needs pairs: x has " + x.length + " values, y has " + y.length);
        if (x.length < 2) throw new IllegalArgumentException("correlation needs at least 2 pairs, got " + x.length);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) throw new IllegalArgumentException("non-finite x " + x[i] + " at index " + i);
            if (!Double.isFinite(y[i])) throw new IllegalArgumentException("non-finite y " + y[i] + " at index " + i);
        }
    }

    private static void requireSpread(double sumOfSquares, String name) {
        if (sumOfSquares == 0) throw new IllegalArgumentException("every " + name + " is equal: the correlation is undefined");
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double value : v) sum += value;
        return sum / v.length;
    }
}
