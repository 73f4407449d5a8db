package org.verl4j.rank;

import java.io.Serializable;

/**
 * Options of the windowed ERV/ERA procedure (ALGORITHM.md §3) and of how σ is computed. Defaults in one place:
 * {@link #DEFAULTS} ({@code s = 40}, {@code M = 512}, {@link Truncation#TAIL}, {@link SpectrumMethod#DEFAULT}).
 *
 * @param stride     s ≥ 1: windows end at t = s, 2s, 3s, … while t &lt; T
 * @param maxLen     M ≥ 1: truncation length (ignored with {@link Truncation#NONE})
 * @param truncation which M rows are kept when T &gt; M
 * @param method     how each window's singular values are computed (same definition, different speed)
 */
public record RankOptions(int stride, int maxLen, Truncation truncation, SpectrumMethod method) implements Serializable {

    public static final RankOptions DEFAULTS = new RankOptions(40, 512, Truncation.TAIL);

    public RankOptions {
        if (stride < 1) throw new IllegalArgumentException("stride s must be ≥ 1, got " + stride);
        if (maxLen < 1) throw new IllegalArgumentException("max length M must be ≥ 1, got " + maxLen);
        if (truncation == null) throw new IllegalArgumentException("truncation must not be null");
        if (method == null) throw new IllegalArgumentException("spectrum method must not be null");
        if (!method.available())
            throw new IllegalArgumentException(method + " is not available in this JVM (needs --add-modules jdk.incubator.vector)");
    }

    /** The ALGORITHM.md §3 options with {@link SpectrumMethod#DEFAULT}. */
    public RankOptions(int stride, int maxLen, Truncation truncation) {
        this(stride, maxLen, truncation, SpectrumMethod.DEFAULT);
    }

    public RankOptions withStride(int s) {
        return new RankOptions(s, maxLen, truncation, method);
    }

    public RankOptions withMaxLen(int m) {
        return new RankOptions(stride, m, truncation, method);
    }

    public RankOptions withTruncation(Truncation t) {
        return new RankOptions(stride, maxLen, t, method);
    }

    public RankOptions withMethod(SpectrumMethod m) {
        return new RankOptions(stride, maxLen, truncation, m);
    }
}
