package org.verl4j.train;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Owns the training state — θ, the AdamW moments m and v, the step count t — and the two ONNX Runtime sessions of a
 * {@link TrainStepGraph} (ACCUMULATE and UPDATE). One {@link #step} is one optimizer step over K micro-batches,
 * each weighted w = 1/K:
 * <pre>
 * g = Σ_k (1/K)·∇θ L_k          K − 1 ACCUMULATE runs, then one UPDATE run
 * θ, m, v ← AdamW(θ, m, v, clip(g), t + 1)
 * </pre>
 * Micro-batches are maps from the objective's input names (see {@link TrainStepGraph}) to tensors; the forward's
 * own inputs (token ids, features…) go in the same map. A step whose gradient norm is not finite leaves θ, m, v and
 * t unchanged.
 */
public final class TrainStep implements AutoCloseable {

    /**
     * Diagnostics of one optimizer step: each micro-batch's scalar outputs by name, ‖g‖₂ before clipping, and
     * whether the update was skipped because that norm was not finite.
     */
    public record Result(List<Map<String, Double>> microBatches, double gradNorm, boolean skipped) {
    }

    private final ElementType type;
    private final AdamWConfig optimizer;
    private final Map<String, HostTensor> hyper;
    private final OrtRunner accumulate;
    private final OrtRunner update;
    private final long[] flat;
    private final HostTensor zeros;                      // g_acc of the first micro-batch (never mutated)
    private HostTensor theta, m, v;
    private long t;

    /**
     * @param hyper the objective's scalar hyperparameters by input name (clip_low, …), as doubles
     * @param theta0 initial θ (length P; copied)
     */
    public TrainStep(ElementType type, ParameterLayout layout, Forward forward, Objective objective,
                     AdamWConfig optimizer, Map<String, Double> hyper, double[] theta0, OrtRunner.Options options) {
        if (theta0.length != layout.size())
            throw new IllegalArgumentException("θ has " + theta0.length + " values, the layout needs " + layout.size());
        this.type = type;
        this.optimizer = optimizer;
        this.flat = new long[]{layout.size()};
        this.hyper = new HashMap<>();
        hyper.forEach((k, val) -> this.hyper.put(k, HostTensor.scalar(type, val)));
        this.theta = HostTensor.ofFloating(type, flat, theta0);
        this.m = HostTensor.ofFloating(type, flat, new double[theta0.length]);
        this.v = HostTensor.ofFloating(type, flat, new double[theta0.length]);
        this.zeros = v;
        OrtRunner.Options sessions = options.withoutMemoryPattern();                  // see there: less peak memory
        OrtRunner acc = new OrtRunner(TrainStepGraph.build("accumulate", type, layout, forward, objective,
                TrainStepGraph.Mode.ACCUMULATE), sessions);
        try {
            this.update = new OrtRunner(TrainStepGraph.build("update", type, layout, forward, objective,
                    TrainStepGraph.Mode.UPDATE), sessions);
        } catch (RuntimeException e) {
            acc.close();
            throw e;
        }
        this.accumulate = acc;
    }

    /** One optimizer step over the micro-batches (K ≥ 1), each weighted 1/K. */
    public Result step(List<Map<String, HostTensor>> microBatches) {
        if (microBatches.isEmpty()) throw new IllegalArgumentException("an optimizer step needs at least one micro-batch");
        HostTensor weight = HostTensor.scalar(type, 1.0 / microBatches.size());
        HostTensor gradAcc = zeros;
        List<Map<String, Double>> diagnostics = new ArrayList<>();
        for (int k = 0; k < microBatches.size(); k++) {
            boolean last = k == microBatches.size() - 1;
            requireValidMask(microBatches.get(k), k);
            Map<String, HostTensor> feed = new HashMap<>(microBatches.get(k));
            OrtRunner runner = last ? update : accumulate;
            hyper.forEach((name, value) -> {
                if (runner.inputNames().contains(name)) feed.put(name, value);   // e.g. dual_clip only with dual clip
            });
            feed.put(TrainStepGraph.THETA, theta);
            feed.put(TrainStepGraph.GRAD_ACC, gradAcc);
            feed.put(TrainStepGraph.WEIGHT, weight);
            if (last) feedOptimizer(feed);
            Map<String, HostTensor> out = runner.run(feed);
            diagnostics.add(scalars(out));
            if (!last) gradAcc = out.get(TrainStepGraph.GRAD_ACC_OUT);
            else {
                theta = out.get(TrainStepGraph.THETA_OUT);
                m = out.get(TrainStepGraph.ADAM_M_OUT);
                v = out.get(TrainStepGraph.ADAM_V_OUT);
                if (Double.isFinite(out.get(TrainStepGraph.GRAD_NORM).scalar())) t++;   // a skipped step does not count
            }
        }
        double norm = diagnostics.get(diagnostics.size() - 1).get(TrainStepGraph.GRAD_NORM);
        return new Result(diagnostics, norm, !Double.isFinite(norm));
    }

    /** The response mask must be present and give every row at least one valid token (as {@code TokenMask.check}). */
    private static void requireValidMask(Map<String, HostTensor> batch, int k) {
        HostTensor mask = batch.get(TrainStepGraph.MASK);
        if (mask == null) throw new IllegalArgumentException("micro-batch " + k + ": missing " + TrainStepGraph.MASK);
        long[] shape = mask.shape();
        if (shape.length != 2 || shape[0] == 0 || shape[1] == 0)
            throw new IllegalArgumentException("micro-batch " + k + ": " + TrainStepGraph.MASK + " must be [B, T] with B, T ≥ 1, got "
                    + java.util.Arrays.toString(shape));
        boolean[] m = mask.booleans();
        for (int i = 0; i < shape[0]; i++) {
            boolean any = false;
            for (int t = 0; t < shape[1]; t++) any |= m[(int) (i * shape[1] + t)];
            if (!any) throw new IllegalArgumentException("micro-batch " + k + ": " + TrainStepGraph.MASK + " row " + i
                    + " has no valid token (empty response)");
        }
    }

    private void feedOptimizer(Map<String, HostTensor> feed) {
        feed.put(TrainStepGraph.ADAM_M, m);
        feed.put(TrainStepGraph.ADAM_V, v);
        feed.put(TrainStepGraph.STEP, HostTensor.scalar(type, t + 1));
        feed.put(TrainStepGraph.LR, HostTensor.scalar(type, optimizer.lr()));
        feed.put(TrainStepGraph.BETA1, HostTensor.scalar(type, optimizer.beta1()));
        feed.put(TrainStepGraph.BETA2, HostTensor.scalar(type, optimizer.beta2()));
        feed.put(TrainStepGraph.EPS, HostTensor.scalar(type, optimizer.eps()));
        feed.put(TrainStepGraph.WEIGHT_DECAY, HostTensor.scalar(type, optimizer.weightDecay()));
        feed.put(TrainStepGraph.MAX_GRAD_NORM, HostTensor.scalar(type, optimizer.maxGradNorm()));
    }

    private static Map<String, Double> scalars(Map<String, HostTensor> out) {
        Map<String, Double> s = new LinkedHashMap<>();
        out.forEach((name, tensor) -> {
            if (tensor.shape().length == 0 && tensor.type().isFloating()) s.put(name, tensor.scalar());
        });
        return s;
    }

    /** θ after the steps so far (a copy). */
    public double[] theta() {
        return theta.doubles();
    }

    /** First moment m (a copy). */
    public double[] firstMoment() {
        return m.doubles();
    }

    /** Second moment v (a copy). */
    public double[] secondMoment() {
        return v.doubles();
    }

    /** t, the number of optimizer steps taken. */
    public long steps() {
        return t;
    }

    @Override
    public void close() {
        try {
            accumulate.close();
        } finally {
            update.close();
        }
    }
}
