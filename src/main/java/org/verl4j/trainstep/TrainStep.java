package org.verl4j.trainstep;

import org.verl4j.graph.ParameterLayout;
import org.verl4j.graph.Forward;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.KeptOutputs;
import org.verl4j.graph.OrtRunner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Owns the training state — θ, the AdamW moments m and v, the step count t — and the two ONNX Runtime sessions of a
 * {@link TrainStepGraph} (UPDATE, and ACCUMULATE built on the first step with K > 1). One {@link #step} is one
 * optimizer step over the K micro-batches of its {@link StepConfig}, each weighted w = 1/K:
 * <pre>
 * g = Σ_k (1/K)·∇θ L_k          K − 1 ACCUMULATE runs, then one UPDATE run
 * θ, m, v ← AdamW(θ, m, v, clip(g), t + 1)   at lr(t + 1) of the StepConfig's {@link LrSchedule}
 * </pre>
 * The rate enters as host-computed scalar inputs ({@link StepInputs#optimizer}), so a schedule needs no new session.
 * Micro-batches are maps from the objective's batch input names (see {@link TrainStepGraph}) to tensors; the
 * forward's own inputs (token ids, features…) go in the same map. Every scalar hyperparameter comes from the
 * StepConfig ({@link StepInputs}); a micro-batch that names one, or names an input the graph does not take, is
 * rejected with that name. A step whose gradient norm is not finite leaves θ, m, v and t unchanged.
 *
 * <p>θ, m and v live in ONNX Runtime memory between steps; {@link #state()} copies them out (with t) and
 * {@link #restore} puts a saved state back, so a run resumes exactly.
 */
public final class TrainStep implements AutoCloseable {

    /**
     * Diagnostics of one optimizer step: each micro-batch's loss scalars ({@link LossScalars}, the record of the
     * step's objective), ‖g‖₂ before clipping and the learning rate lr(t + 1) it was fed.
     */
    public record Result(List<LossScalars> microBatches, double gradNorm, double lr) {
        public Result {
            microBatches = List.copyOf(microBatches);
        }

        /** The update was skipped because ‖g‖₂ is not finite: θ, m, v and t are unchanged. */
        public boolean skipped() {
            return !Double.isFinite(gradNorm);
        }

        /** The micro-batches' scalars as {@code type}, the record of the step's objective; throws naming both otherwise. */
        public <S extends LossScalars> List<S> microBatches(Class<S> type) {
            for (LossScalars s : microBatches)
                if (!type.isInstance(s))
                    throw new IllegalStateException("this step's objective outputs " + s.getClass().getSimpleName()
                            + " scalars, not " + type.getSimpleName());
            return microBatches.stream().map(type::cast).toList();
        }
    }

    /**
     * The optimizer state: θ, m, v (length P each, values of the graph's type held exactly in double) and t, the
     * number of updates taken. Arrays are copied in and out.
     */
    public record State(double[] theta, double[] m, double[] v, long steps) {
        public State {
            if (theta.length != m.length || theta.length != v.length)
                throw new IllegalArgumentException("θ, m and v must have the same length, got " + theta.length + ", "
                        + m.length + ", " + v.length);
            if (steps < 0) throw new IllegalArgumentException("steps must be ≥ 0, got " + steps);
            theta = theta.clone();
            m = m.clone();
            v = v.clone();
        }
    }

    private final ElementType type;
    private final StepConfig config;
    private final Map<String, HostTensor> objectiveInputs;
    private final Supplier<OrtRunner> accumulateSession;  // built on the first step with K > 1
    private OrtRunner accumulate;                         // null until then
    private final OrtRunner update;
    private final Set<String> graphInputs;               // of UPDATE, a superset of ACCUMULATE's
    private final long[] flat;
    private final HostTensor zeros;                      // g_acc of the first micro-batch (never mutated)
    private HostTensor theta0, m0, v0;                   // the state until the first update after construction/restore
    private KeptOutputs state;                           // θ, m, v after the last update, in ORT memory
    private long t;

    /** @param theta0 initial θ (length P; copied); m = v = 0, t = 0 */
    public TrainStep(ElementType type, ParameterLayout layout, Forward forward, StepConfig config, double[] theta0,
                     OrtRunner.Options options) {
        if (theta0.length != layout.size())
            throw new IllegalArgumentException("θ has " + theta0.length + " values, the layout needs " + layout.size());
        this.type = type;
        this.config = config;
        this.flat = new long[]{layout.size()};
        this.objectiveInputs = StepInputs.objective(config.objective(), type);
        this.zeros = HostTensor.ofFloating(type, flat, new double[theta0.length]);
        this.theta0 = HostTensor.ofFloating(type, flat, theta0);
        this.m0 = zeros;
        this.v0 = zeros;
        OrtRunner.Options sessions = options.withoutMemoryPattern();                  // see there: less peak memory
        this.update = new OrtRunner(TrainStepGraph.build("update", type, layout, forward, config.objective(),
                TrainStepGraph.Mode.UPDATE), sessions);
        this.graphInputs = Set.copyOf(update.inputNames());
        this.accumulateSession = () -> new OrtRunner(TrainStepGraph.build("accumulate", type, layout, forward,
                config.objective(), TrainStepGraph.Mode.ACCUMULATE), sessions);
    }

    /** The configuration this step was built with. */
    public StepConfig config() {
        return config;
    }

    /**
     * One optimizer step over exactly {@code config().microBatches()} micro-batches, each weighted 1/K. θ, m, v and
     * the accumulator stay in ONNX Runtime memory from run to run (no copy through Java); only the scalar
     * diagnostics are copied out.
     */
    public Result step(List<Map<String, HostTensor>> microBatches) {
        if (microBatches.size() != config.microBatches())
            throw new IllegalArgumentException("an optimizer step takes " + config.microBatches()
                    + " micro-batch(es) (StepConfig.microBatches), got " + microBatches.size());
        HostTensor weight = HostTensor.scalar(type, 1.0 / microBatches.size());
        AdamWConfig adam = config.optimizerAt(t + 1);
        Map<String, HostTensor> optimizerInputs = StepInputs.optimizer(adam, t + 1, type);
        List<LossScalars> diagnostics = new ArrayList<>();
        KeptOutputs acc = null;
        try {
            for (int k = 0; k < microBatches.size(); k++) {
                boolean last = k == microBatches.size() - 1;
                requireBatchInputs(microBatches.get(k), k);
                requireValidMask(microBatches.get(k), k);
                Map<String, HostTensor> feed = new HashMap<>(microBatches.get(k));
                Map<String, KeptOutputs.Output> reuse = new HashMap<>();
                if (!last && accumulate == null) accumulate = accumulateSession.get();
                OrtRunner runner = last ? update : accumulate;
                feed.putAll(objectiveInputs);
                feed.put(TrainStepGraph.WEIGHT, weight);
                feedState(feed, reuse, TrainStepGraph.THETA, theta0, state, TrainStepGraph.THETA_OUT);
                feedState(feed, reuse, TrainStepGraph.GRAD_ACC, zeros, acc, TrainStepGraph.GRAD_ACC_OUT);
                if (last) {
                    feed.putAll(optimizerInputs);
                    feedState(feed, reuse, TrainStepGraph.ADAM_M, m0, state, TrainStepGraph.ADAM_M_OUT);
                    feedState(feed, reuse, TrainStepGraph.ADAM_V, v0, state, TrainStepGraph.ADAM_V_OUT);
                }
                KeptOutputs out = runner.runKeeping(feed, reuse);
                if (!last) {
                    if (acc != null) acc.close();
                    acc = out;
                } else {
                    if (state != null) state.close();
                    state = out;
                }
                diagnostics.add(LossScalars.read(config.objective(), name -> out.copy(name).scalar()));
            }
        } finally {
            if (acc != null) acc.close();
        }
        Result result = new Result(diagnostics, state.copy(TrainStepGraph.GRAD_NORM).scalar(), adam.lr());
        if (!result.skipped()) t++;                                              // a skipped step does not count
        return result;
    }

    /** A micro-batch carries batch tensors only: the state and every hyperparameter come from this step. */
    private void requireBatchInputs(Map<String, HostTensor> batch, int k) {
        for (String name : batch.keySet()) {
            if (TrainStepGraph.STEP_OWNED.contains(name))
                throw new IllegalArgumentException("micro-batch " + k + ": input '" + name + "' is set by the "
                        + "StepConfig / the optimizer state, not by a micro-batch");
            if (!graphInputs.contains(name))
                throw new IllegalArgumentException("micro-batch " + k + ": the step graph takes no input '" + name
                        + "' (it takes " + new java.util.TreeSet<>(graphInputs) + ")");
        }
    }

    /** Input {@code name} from the kept outputs of an earlier run when there are some, else the host tensor. */
    private static void feedState(Map<String, HostTensor> feed, Map<String, KeptOutputs.Output> reuse, String name,
                                  HostTensor initial, KeptOutputs kept, String output) {
        if (kept == null) feed.put(name, initial);
        else reuse.put(name, kept.output(output));
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

    /** θ after the steps so far (a copy). */
    public double[] theta() {
        return current(theta0, TrainStepGraph.THETA_OUT);
    }

    /** θ after the steps so far as float32 (a copy; exact for a FLOAT graph), e.g. for a rollout engine. */
    public float[] thetaFloats() {
        double[] theta = theta();
        float[] f = new float[theta.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) theta[i];
        return f;
    }

    /** First moment m (a copy). */
    public double[] firstMoment() {
        return current(m0, TrainStepGraph.ADAM_M_OUT);
    }

    /** Second moment v (a copy). */
    public double[] secondMoment() {
        return current(v0, TrainStepGraph.ADAM_V_OUT);
    }

    private double[] current(HostTensor initial, String output) {
        return state == null ? initial.doubles() : state.copy(output).doubles();
    }

    /** t, the number of optimizer steps taken. */
    public long steps() {
        return t;
    }

    /** θ, m, v and t (copies): what a checkpoint saves for an exact resume. */
    public State state() {
        return new State(theta(), firstMoment(), secondMoment(), t);
    }

    /**
     * Continues from {@code saved} (e.g. a checkpoint's {@link #state()}): the next step starts from its θ, m, v and
     * t. For a FLOAT graph, values saved from a FLOAT graph come back bit for bit.
     */
    public void restore(State saved) {
        if (saved.theta().length != flat[0])
            throw new IllegalArgumentException("the saved state has " + saved.theta().length + " parameters, this step "
                    + flat[0]);
        theta0 = HostTensor.ofFloating(type, flat, saved.theta());
        m0 = HostTensor.ofFloating(type, flat, saved.m());
        v0 = HostTensor.ofFloating(type, flat, saved.v());
        if (state != null) state.close();
        state = null;
        t = saved.steps();
    }

    @Override
    public void close() {
        try {
            if (state != null) state.close();
            if (accumulate != null) accumulate.close();
        } finally {
            update.close();
        }
    }
}
