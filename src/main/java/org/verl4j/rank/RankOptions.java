package org.verl4j.rank;

/**
 * Options of the windowed ERV/ERA procedure (spec §3). Defaults in one place: {@link #DEFAULTS}
 * ({@code s = 40}, {@code M = 512}, {@link Truncation#TAIL}).
 *
 * @param stride     s ≥ 1: windows end at t = s, 2s, 3s, … while t &lt; T
 * @param maxLen     M ≥ 1: truncation length (ignored with {@link Truncation#NONE})
 * @param truncation which M rows are kept when T &gt; M
 */
public record RankOptions(int stride, int maxLen, Truncation truncation) {

    public static final RankOptions DEFAULTS = new RankOptions(40, 512, Truncation.TAIL);

    public RankOptions {
        if (stride < 1) throw new IllegalArgumentException("stride s must be ≥ 1, got " + stride);
        if (maxLen < 1) throw new IllegalArgumentException("max length M must be ≥ 1, got " + maxLen);
        if (truncation == null) throw new IllegalArgumentException("truncation must not be null");
    }

    public RankOptions withStride(int s) {
        return new RankOptions(s, maxLen, truncation);
    }

    public RankOptions withMaxLen(int m) {
        return new RankOptions(stride, m, truncation);
    }

    public RankOptions withTruncation(Truncation t) {
        return new RankOptions(stride, maxLen, t);
    }
}
