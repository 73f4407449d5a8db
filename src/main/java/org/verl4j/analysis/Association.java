package org.verl4j.analysis;

import org.verl4j.rank.tokens.Correlation;

/**
 * How strongly two per-response metrics go together, as the paper's motivation figure reports it (ALGORITHM.md §5):
 * Pearson r and the R² of the least-squares line y ≈ α + βx ({@link Correlation}; R² = r² with an intercept), plus
 * Spearman ρ for monotone but non-linear relations.
 *
 * @param x the horizontal metric's name
 * @param y the vertical metric's name
 * @param n number of responses (≥ 2)
 */
public record Association(String x, String y, int n, double pearson, double rSquared, double spearman) {

    /** Measures x against y; fewer than 2 pairs or a constant side throws (r is undefined, never NaN). */
    public static Association of(String xName, String yName, double[] x, double[] y) {
        return new Association(xName, yName, x.length, Correlation.pearson(x, y), Correlation.rSquared(x, y),
                Correlation.spearman(x, y));
    }
}
