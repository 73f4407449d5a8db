package org.verl4j.rl;

/**
 * Whitening over the valid tokens of a whole batch (verl {@code masked_whiten}, shift_mean = true).
 *
 * <pre>
 * μ  = Σ m·x / Σ m
 * σ² = Σ m·(x − μ)² / (Σ m − 1)          Bessel's correction over the N = Σ m valid tokens
 * x̂  = (x − μ) / sqrt(σ² + 1e-8)         at valid tokens; 0 at masked ones
 * </pre>
 * Fewer than two valid tokens in the batch is an error (verl raises there too).
 */
public final class MaskedWhitening {

    /** The 1e-8 inside the square root. */
    public static final double EPSILON = 1e-8;

    private MaskedWhitening() {
    }

    /** x̂ as a new array. */
    public static double[][] whiten(double[][] x, boolean[][] mask) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < x.length; i++)
            for (int t = 0; t < x[i].length; t++) if (mask[i][t]) { sum += x[i][t]; n++; }
        if (n < 2) throw new IllegalArgumentException("whitening needs at least 2 valid tokens in the batch, got " + n);
        double mu = sum / n;                                               // μ
        double ss = 0;
        for (int i = 0; i < x.length; i++)
            for (int t = 0; t < x[i].length; t++) if (mask[i][t]) ss += (x[i][t] - mu) * (x[i][t] - mu);
        double variance = ss / (n - 1);                                    // σ² (Bessel)
        double scale = 1.0 / Math.sqrt(variance + EPSILON);
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++)
            for (int t = 0; t < x[i].length; t++) if (mask[i][t]) out[i][t] = (x[i][t] - mu) * scale;
        return out;
    }
}
