package org.verl4j.rl;

/**
 * Checks and small reductions over a response mask {@code boolean[B][T]} (true = valid response token).
 * Every function reads values only at valid positions, so masked positions never influence a result.
 */
public final class TokenMask {

    private TokenMask() {
    }

    /** Validates the mask: non-empty, rectangular, and every row with at least one valid token. */
    public static void check(boolean[][] mask) {
        if (mask == null || mask.length == 0) throw new IllegalArgumentException("mask: empty batch (no responses)");
        int length = mask[0] == null ? 0 : mask[0].length;
        if (length == 0) throw new IllegalArgumentException("mask: row 0 has no token positions");
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == null || mask[i].length != length)
                throw new IllegalArgumentException("mask: row " + i + " has " + (mask[i] == null ? 0 : mask[i].length)
                        + " positions, expected " + length);
            if (validCount(mask[i]) == 0)
                throw new IllegalArgumentException("mask: row " + i + " has no valid token (empty response)");
        }
    }

    /** Validates shape [B][T] of {@code x} against the mask and finiteness at every valid position. */
    public static void requireFinite(double[][] x, boolean[][] mask, String tensor) {
        if (x == null || x.length != mask.length)
            throw new IllegalArgumentException(tensor + ": expected " + mask.length + " rows, got "
                    + (x == null ? "null" : x.length));
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != mask[i].length)
                throw new IllegalArgumentException(tensor + ": row " + i + " has "
                        + (x[i] == null ? 0 : x[i].length) + " columns, expected " + mask[i].length);
            for (int t = 0; t < x[i].length; t++)
                if (mask[i][t] && !Double.isFinite(x[i][t]))
                    throw new IllegalArgumentException(tensor + ": non-finite value " + x[i][t]
                            + " at row " + i + ", column " + t);
        }
    }

    /** Number of valid tokens of one row. */
    public static int validCount(boolean[] row) {
        int n = 0;
        for (boolean b : row) if (b) n++;
        return n;
    }

    /** Index of the last valid token of a row (where the outcome reward and the VERL bonus sit). */
    public static int lastValid(boolean[] row) {
        for (int t = row.length - 1; t >= 0; t--) if (row[t]) return t;
        throw new IllegalArgumentException("mask row has no valid token");
    }

    /** Sum of a row over its valid tokens: the response's outcome score Σ_t r[t]. */
    public static double rowSum(double[] x, boolean[] row) {
        double s = 0;
        for (int t = 0; t < row.length; t++) if (row[t]) s += x[t];
        return s;
    }

    /** A [B][T] array holding {@code perResponse[i]} on every valid token of row i and 0 elsewhere. */
    public static double[][] broadcast(double[] perResponse, boolean[][] mask) {
        double[][] out = new double[mask.length][mask[0].length];
        for (int i = 0; i < mask.length; i++)
            for (int t = 0; t < mask[i].length; t++) if (mask[i][t]) out[i][t] = perResponse[i];
        return out;
    }

    /** A uniform mask [B][T] with the first {@code lengths[i]} tokens of row i valid. */
    public static boolean[][] ofLengths(int[] lengths, int length) {
        boolean[][] m = new boolean[lengths.length][length];
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 1 || lengths[i] > length)
                throw new IllegalArgumentException("response " + i + ": length " + lengths[i] + " not in [1, " + length + "]");
            for (int t = 0; t < lengths[i]; t++) m[i][t] = true;
        }
        return m;
    }
}
