package org.verl4j.spark;

import java.io.Serializable;

/** Which rows of a response count (the CLI's default, or its {@code --lengths-from-padding VALUE}). */
sealed interface RowRule extends Serializable permits RowRule.AllRows, RowRule.TrailingPadding {

    /** The number of valid rows of a {@code rows×d} response {@code z} (row-major). */
    int validRows(double[] z, int rows, int d);

    /** Every row is valid. */
    record AllRows() implements RowRule {
        @Override
        public int validRows(double[] z, int rows, int d) {
            return rows;
        }
    }

    /**
     * Trailing rows whose values all equal {@code value} (NaN matches NaN) are padding; the valid length is one past
     * the last row that is not padding, so earlier rows equal to {@code value} stay data.
     */
    record TrailingPadding(double value) implements RowRule {
        @Override
        public int validRows(double[] z, int rows, int d) {
            int valid = rows;
            while (valid > 0 && isPadding(z, valid - 1, d)) valid--;
            return valid;
        }

        private boolean isPadding(double[] z, int row, int d) {
            for (int j = 0; j < d; j++) {
                double x = z[row * d + j];
                if (!(x == value || (Double.isNaN(value) && Double.isNaN(x)))) return false;
            }
            return true;
        }
    }
}
