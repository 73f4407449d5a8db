package org.verl4j.rank;

import java.util.Arrays;

/**
 * A response's hidden states {@code Z ∈ R^{T×d}} (ALGORITHM.md §1): row {@code t} is the state that produced response
 * token {@code t+1}, rows in generation order. Stored row-major in double.
 *
 * <p>Construction validates: {@code d ≥ 1}, {@code T ≥ 0}, {@code data.length == T·d}, and every entry finite —
 * a NaN or ±Inf is reported with its row and column, never propagated into a metric.
 *
 * @param rows T, the number of response tokens
 * @param cols d, the hidden size
 * @param data row-major values, {@code data[t·d + j] = Z[t][j]}; not copied (callers hand over ownership)
 */
public record HiddenStates(int rows, int cols, double[] data) {

    public HiddenStates {
        if (cols < 1) throw new IllegalArgumentException("hidden size d must be ≥ 1, got " + cols);
        if (rows < 0) throw new IllegalArgumentException("row count T must be ≥ 0, got " + rows);
        if (data == null || data.length != (long) rows * cols)
            throw new IllegalArgumentException("expected " + ((long) rows * cols) + " values for " + rows + "×" + cols
                    + ", got " + (data == null ? "null" : String.valueOf(data.length)));
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i]))
                throw new IllegalArgumentException("non-finite hidden state " + data[i] + " at row " + (i / cols)
                        + ", column " + (i % cols));
        }
    }

    /** Copies a rectangular {@code double[T][d]}; ragged rows are an error naming the row. */
    public static HiddenStates of(double[][] z) {
        if (z.length == 0) throw new IllegalArgumentException("cannot infer d from an empty double[][]; use new HiddenStates(0, d, new double[0])");
        int d = z[0].length;
        double[] data = new double[z.length * d];
        for (int t = 0; t < z.length; t++) {
            if (z[t].length != d)
                throw new IllegalArgumentException("ragged hidden states: row " + t + " has " + z[t].length + " columns, row 0 has " + d);
            System.arraycopy(z[t], 0, data, t * d, d);
        }
        return new HiddenStates(z.length, d, data);
    }

    /** Widens row-major float32 values (as captured from a model) to double. */
    public static HiddenStates ofFloats(int rows, int cols, float[] values) {
        if (values.length != (long) rows * cols)
            throw new IllegalArgumentException("expected " + ((long) rows * cols) + " values for " + rows + "×" + cols + ", got " + values.length);
        double[] data = new double[values.length];
        for (int i = 0; i < values.length; i++) data[i] = values[i];
        return new HiddenStates(rows, cols, data);
    }

    /** {@code Z[t][j]}. */
    public double get(int t, int j) {
        return data[t * cols + j];
    }

    /** Rows {@code [from, to)} as a new matrix (a copy). */
    public HiddenStates rowRange(int from, int to) {
        if (from < 0 || to > rows || from > to) throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of " + rows);
        return new HiddenStates(to - from, cols, Arrays.copyOfRange(data, from * cols, to * cols));
    }

    /** A copy as {@code double[T][d]}. */
    public double[][] toArray() {
        double[][] z = new double[rows][cols];
        for (int t = 0; t < rows; t++) System.arraycopy(data, t * cols, z[t], 0, cols);
        return z;
    }
}
