package org.verl4j.trainer;

/**
 * One optimised parameter vector with its AdamW state, as a train step holds it: θ, the moments m and v, and t,
 * the number of optimizer steps taken (the bias corrections use t + 1 next).
 *
 * @param theta flat parameters in the model's layout order (length P)
 * @param m     first moment (length P)
 * @param v     second moment (length P)
 * @param t     optimizer steps taken, ≥ 0
 */
public record OptimizerState(double[] theta, double[] m, double[] v, long t) {

    public OptimizerState {
        if (theta == null || m == null || v == null) throw new IllegalArgumentException("θ, m and v are required");
        if (m.length != theta.length || v.length != theta.length)
            throw new IllegalArgumentException("optimizer state: θ has " + theta.length + " values, m " + m.length + ", v " + v.length);
        if (t < 0) throw new IllegalArgumentException("optimizer steps t must be ≥ 0, got " + t);
    }

    /** θ with zero moments before any step. */
    public static OptimizerState initial(double[] theta) {
        return new OptimizerState(theta.clone(), new double[theta.length], new double[theta.length], 0);
    }
}
