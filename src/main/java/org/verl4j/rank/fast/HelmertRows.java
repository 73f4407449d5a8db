package org.verl4j.rank.fast;

/**
 * Centring without a per-window correction (ALGORITHM.md §2's {@code Zc = Z − 1·mean}): the Helmert rows of a block of
 * hidden states. For rows x_0 … x_{r−1} (first shifted by x_0, exact for ER because ER is translation invariant,
 * and it removes huge constant offsets before anything is multiplied),
 * <pre>
 * y_k = √((k+1)/(k+2)) · (mean(x_0..x_k) − x_{k+1})          k = 0 … r−2
 *     = (Σ_{i≤k} x_i − (k+1)·x_{k+1}) / √((k+1)(k+2))
 * </pre>
 * The coefficient vectors of y_0 … y_{t−1} are orthonormal and orthogonal to the all-ones vector of length t+1,
 * so they are an orthonormal basis of the centring projector's range: the centred window {@code Z[0..t]} (t+1
 * rows) has exactly the singular values of the first t Helmert rows. Every window is a leading block of one
 * (r−1)×d matrix Y.
 */
final class HelmertRows {

    private HelmertRows() {
    }

    /** Y ((rows−1)×d, row-major) of the rows [from, from+rows) of the row-major {@code x} with d columns. */
    static double[] of(double[] x, int d, int from, int rows) {
        int base = from * d;
        double[] y = new double[Math.max(rows - 1, 0) * d];
        double[] mean = new double[d];                              // mean of x_0..x_k − x_0 (starts at 0)
        for (int k = 0; k + 1 < rows; k++) {
            double c = Math.sqrt((k + 1.0) / (k + 2.0));
            int next = base + (k + 1) * d, out = k * d;
            for (int j = 0; j < d; j++) {
                double shifted = x[next + j] - x[base + j];        // x_{k+1} − x_0
                y[out + j] = c * (mean[j] - shifted);               // y_k
                mean[j] += (shifted - mean[j]) / (k + 2);           // mean over x_0..x_{k+1}
            }
        }
        return y;
    }
}
