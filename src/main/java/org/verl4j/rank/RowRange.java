package org.verl4j.rank;

/**
 * The rows of a response that ALGORITHM.md §3's windows run over, after truncation:
 * <pre>
 * if T &gt; M:  TAIL keeps the last M rows, HEAD the first M;  NONE keeps all T      rows [from, to), T' = to − from
 * K = floor((T' − 1)/s)                                                             windows W_j = rows [from, from + j·s]
 * </pre>
 *
 * @param from first kept row
 * @param to   one past the last kept row
 */
record RowRange(int from, int to) {

    /** The rows {@code options} keep of a {@code rows}-row response. */
    static RowRange kept(int rows, RankOptions options) {
        if (options.truncation() == Truncation.NONE || rows <= options.maxLen()) return new RowRange(0, rows);
        return options.truncation() == Truncation.TAIL ? new RowRange(rows - options.maxLen(), rows)
                : new RowRange(0, options.maxLen());
    }

    /** K = floor((T' − 1)/s), the number of windows at stride {@code s} (0 for T' ≤ 1). */
    int windows(int s) {
        return Math.max(to - from - 1, 0) / s;
    }
}
