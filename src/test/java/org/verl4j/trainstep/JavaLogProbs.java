package org.verl4j.trainstep;

import org.verl4j.rl.TokenEntropy;

/** Plain-Java log π(y_t) and H_t from logits z[B·T·V] (row-major): the oracle side of the loss-graph tests. */
final class JavaLogProbs {

    private JavaLogProbs() {
    }

    /** log softmax(z_{i,s})[y_{i,s}] = z_y − logsumexp(z). */
    static double[][] of(double[] z, long[] tokens, int b, int t, int v) {
        double[][] out = new double[b][t];
        for (int i = 0; i < b; i++)
            for (int s = 0; s < t; s++) {
                int base = (i * t + s) * v;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < v; k++) max = Math.max(max, z[base + k]);
                double sum = 0;
                for (int k = 0; k < v; k++) sum += Math.exp(z[base + k] - max);
                out[i][s] = z[base + (int) tokens[i * t + s]] - max - Math.log(sum);
            }
        return out;
    }

    /** H_t of softmax(z_{i,s}) by {@link TokenEntropy}. */
    static double[][] entropy(double[] z, int b, int t, int v) {
        double[][] out = new double[b][t];
        for (int i = 0; i < b; i++)
            for (int s = 0; s < t; s++) out[i][s] = TokenEntropy.of(java.util.Arrays.copyOfRange(z, (i * t + s) * v, (i * t + s + 1) * v));
        return out;
    }
}
