package org.verl4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test oracle for gradients: central finite differences of a float64 graph run in ONNX Runtime.
 *
 * <pre>
 * L(x) = Σ y(x) ⊙ R                     R random, so every output element gets its own weight
 * ∂L/∂x_j ≈ (L(x + h e_j) − L(x − h e_j)) / 2h     h = 1e-5: truncation ~h²·L''' ≈ 1e-10, rounding ~1e-16/h ≈ 1e-11
 * </pre>
 * Each check builds the graph twice: with the inputs' fixed shapes and with every dimension unknown (so the
 * run-time broadcasting paths are exercised), and compares {@code Autodiff}'s gradient against the differences:
 * {@code max_j |g_j − fd_j| ≤ tol · max(1, max_j |fd_j|)}.
 */
final class GradientCheck {

    static final double H = 1e-5;
    static final double TOLERANCE = 1e-7;

    /** One differentiable input: its shape and values. */
    record Input(long[] shape, double[] values) {
        static Input random(Random rnd, long[] shape, double lo, double hi) {
            int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * rnd.nextDouble();
            return new Input(shape, v);
        }
    }

    private GradientCheck() {
    }

    /** Checks ∂(Σ f(x…) ⊙ R)/∂x_i for every input, with fixed and with unknown dims; returns the worst error. */
    static double check(Random rnd, List<Input> inputs, BiFunction<GraphBuilder, List<Value>, Value> f) {
        return check(rnd, inputs, f, H, TOLERANCE);
    }

    /**
     * As {@link #check(Random, List, BiFunction)} with another step and tolerance: for ops ORT runs in float32
     * only (Erf, Cos, Sin), checked through Cast, h = 1e-2 and tolerance 2e-3 (float rounding ~1e-7/h, truncation ~h²).
     */
    static double check(Random rnd, List<Input> inputs, BiFunction<GraphBuilder, List<Value>, Value> f, double h,
                        double tolerance) {
        double worst = 0;
        for (boolean dynamic : new boolean[]{false, true})
            worst = Math.max(worst, checkOnce(rnd, inputs, f, dynamic, h, tolerance));
        return worst;
    }

    private static double checkOnce(Random rnd, List<Input> inputs, BiFunction<GraphBuilder, List<Value>, Value> f,
                                    boolean dynamic, double h, double tolerance) {
        GraphBuilder g = new GraphBuilder("gradient_check");
        List<Value> xs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            long[] s = inputs.get(i).shape();
            xs.add(g.input("x" + i, ElementType.DOUBLE, dynamic ? Shape.unknown(s.length) : Shape.fixed(s)));
        }
        Value y = f.apply(g, xs);
        Value r = g.input("R", ElementType.DOUBLE, Shape.unknown(y.rank()));
        Value loss = g.reduceSumAll(g.mul(y, r)).named("L");
        List<Value> grads = Autodiff.gradients(g, loss, xs);
        g.output("y", y);
        g.output(loss);
        for (int i = 0; i < grads.size(); i++) g.output("dL_dx" + i, grads.get(i));
        try (OrtRunner runner = new OrtRunner(g.build(), OrtRunner.Options.cpu(1))) {
            Map<String, HostTensor> feed = new HashMap<>();
            for (int i = 0; i < inputs.size(); i++)
                feed.put("x" + i, HostTensor.ofDoubles(inputs.get(i).shape(), inputs.get(i).values().clone()));
            long[] ones = new long[y.rank()];
            Arrays.fill(ones, 1);
            feed.put("R", HostTensor.ofDoubles(ones, 1.0));
            long[] yShape = runner.run(feed).get("y").shape();
            feed.put("R", HostTensor.ofDoubles(yShape, Input.random(rnd, yShape, -1, 1).values()));
            Map<String, HostTensor> out = runner.run(feed);
            double worst = 0;
            for (int i = 0; i < inputs.size(); i++) {
                HostTensor gi = out.get("dL_dx" + i);
                assertThat(gi.shape()).as("gradient shape of x%d", i).containsExactly(inputs.get(i).shape());
                double[] analytic = gi.doubles();
                double[] fd = finiteDifferences(runner, feed, "x" + i, inputs.get(i), h);
                double scale = 1, err = 0;
                for (int j = 0; j < fd.length; j++) {
                    scale = Math.max(scale, Math.abs(fd[j]));
                    err = Math.max(err, Math.abs(analytic[j] - fd[j]));
                }
                assertThat(err / scale).as("relative error of dL/dx%d (%s dims): analytic %s vs fd %s", i,
                        dynamic ? "unknown" : "fixed", Arrays.toString(analytic), Arrays.toString(fd)).isLessThanOrEqualTo(tolerance);
                worst = Math.max(worst, err / scale);
            }
            return worst;
        }
    }

    private static double[] finiteDifferences(OrtRunner runner, Map<String, HostTensor> feed, String name, Input x, double h) {
        double[] fd = new double[x.values().length];
        Map<String, HostTensor> moved = new HashMap<>(feed);
        for (int j = 0; j < fd.length; j++) {
            double[] plus = x.values().clone(), minus = x.values().clone();
            plus[j] += h;
            minus[j] -= h;
            moved.put(name, HostTensor.ofDoubles(x.shape(), plus));
            double lPlus = runner.run(moved).get("L").scalar();
            moved.put(name, HostTensor.ofDoubles(x.shape(), minus));
            double lMinus = runner.run(moved).get("L").scalar();
            fd[j] = (lPlus - lMinus) / (2 * h);
        }
        return fd;
    }

    /** A random shape of rank 1–3, dims 1–4. */
    static long[] randomShape(Random rnd, int minRank, int maxRank) {
        long[] s = new long[minRank + rnd.nextInt(maxRank - minRank + 1)];
        for (int i = 0; i < s.length; i++) s[i] = 1 + rnd.nextInt(4);
        return s;
    }

    /** A shape {@code shape} broadcasts from: some leading axes dropped, some dims set to 1. */
    static long[] broadcastPartner(Random rnd, long[] shape) {
        int drop = rnd.nextInt(shape.length + 1);
        long[] s = Arrays.copyOfRange(shape, drop, shape.length);
        for (int i = 0; i < s.length; i++) if (rnd.nextInt(3) == 0) s[i] = 1;
        return s;
    }
}
