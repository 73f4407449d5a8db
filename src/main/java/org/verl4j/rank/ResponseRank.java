package org.verl4j.rank;

import java.util.concurrent.ExecutorService;

/**
 * ER, ERV and ERA of one response (ALGORITHM.md §2–§3) by the method its {@link RankOptions} name: the definition
 * ({@link SpectrumMethod#SVD}: {@link SvdRank}) or the exact fast path ({@link FastRank}, the default). Many
 * responses in parallel: {@link RankBatch}.
 */
public final class ResponseRank {

    private ResponseRank() {
    }

    /** Measures a response by {@code options.method()}, without the window series. */
    public static RankDynamics measure(HiddenStates z, RankOptions options) {
        return measure(z, options, WindowSeries.DROP, null);
    }

    /** Measures a response by {@code options.method()}, keeping the window series or not. */
    public static RankDynamics measure(HiddenStates z, RankOptions options, WindowSeries series) {
        return measure(z, options, series, null);
    }

    /** ER of Z (centred over rows), σ by {@link SpectrumMethod#DEFAULT}: 0 for T &lt; 2, 1 when all rows are equal. */
    public static double er(HiddenStates z) {
        return er(z, SpectrumMethod.DEFAULT);
    }

    /** ER of Z (centred over rows), σ by {@code method}. */
    public static double er(HiddenStates z, SpectrumMethod method) {
        if (method == SpectrumMethod.SVD) return SvdRank.er(z);
        return z.rows() < 2 ? 0.0 : EffectiveRank.fromSingularValues(FastRank.singularValues(z, method));
    }

    /** As {@link #measure(HiddenStates, RankOptions, WindowSeries)}; {@code pool} (may be null) runs the windows in parallel. */
    static RankDynamics measure(HiddenStates z, RankOptions options, WindowSeries series, ExecutorService pool) {
        return options.method() == SpectrumMethod.SVD ? SvdRank.measure(z, options, series)
                : FastRank.measure(z, options, series, pool);
    }
}
