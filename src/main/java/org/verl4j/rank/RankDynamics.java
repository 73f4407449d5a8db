package org.verl4j.rank;

import java.util.List;

/**
 * The rank metrics of one response (ALGORITHM.md §2–§3), as {@link ResponseRank#measure} reports them.
 *
 * <pre>
 * ER  = exp(H), H = −Σ p_i ln(p_i + ε), p_i = σ_i/(Σσ + ε)   on the whole (untruncated) response
 * ERV = mean_j v_j   (j ≥ 2),  ERA = mean_j a_j   (j ≥ 3)     on the windows of the truncated response
 * </pre>
 *
 * @param tokens          T, rows of the whole response
 * @param er              ER of the whole response (0 when T &lt; 2, 1 when all rows are equal)
 * @param logEr           H = ln ER (the "Log ER"; 0 when T &lt; 2)
 * @param traditionalRank #{σ_i &gt; σ_max·max(T,d)·2⁻²³}
 * @param erv             ERV, 0 when not measured
 * @param era             ERA, 0 when not measured
 * @param ervMeasured     at least one velocity existed (T' ≥ 2s+1 after truncation)
 * @param eraMeasured     at least one acceleration existed (T' ≥ 3s+1)
 * @param windows         the per-window series, empty unless requested
 * @param exactFallbacks  diagnostic: windows (the whole response included) that the fast path's squared route
 *                        refused and solved by its exact, non-squaring route; 0 with {@link SpectrumMethod#SVD}
 */
public record RankDynamics(int tokens, double er, double logEr, int traditionalRank,
                           double erv, double era, boolean ervMeasured, boolean eraMeasured,
                           List<WindowPoint> windows, int exactFallbacks) {

    public RankDynamics {
        windows = List.copyOf(windows);
        if (exactFallbacks < 0) throw new IllegalArgumentException("exactFallbacks must be ≥ 0, got " + exactFallbacks);
    }

    /** A value built by hand (no measurement, so no diagnostics: {@code exactFallbacks = 0}). */
    public RankDynamics(int tokens, double er, double logEr, int traditionalRank, double erv, double era,
                        boolean ervMeasured, boolean eraMeasured, List<WindowPoint> windows) {
        this(tokens, er, logEr, traditionalRank, erv, era, ervMeasured, eraMeasured, windows, 0);
    }

    /**
     * The record that {@link SvdRank} and {@link FastRank} assemble from their spectra: ER, ln ER and the numerical
     * rank from σ of the whole response (T rows, d columns; σ empty when T &lt; 2, then ER = ln ER = 0), ERV/ERA and
     * the series from the windows' differences.
     */
    static RankDynamics of(int rows, int cols, double[] sigma, WindowDifferences diff, int exactFallbacks) {
        double er = rows < 2 ? 0.0 : EffectiveRank.fromSingularValues(sigma);                  // ER = exp(H)
        double logEr = rows < 2 ? 0.0 : EffectiveRank.entropy(sigma);                          // H
        return new RankDynamics(rows, er, logEr, EffectiveRank.traditionalRank(sigma, rows, cols), diff.erv(), diff.era(),
                diff.ervMeasured(), diff.eraMeasured(), diff.points(), exactFallbacks);
    }
}
