package org.verl4j.trainer;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.graph.ParameterLayout;
import org.verl4j.graph.ParameterViews;
import org.verl4j.graph.Shape;
import org.verl4j.model.DecoderForward;
import org.verl4j.model.DecoderWeights;
import org.verl4j.model.ModelConfig;
import org.verl4j.model.WeightLayout;
import org.verl4j.trainstep.LossScalars;
import org.verl4j.trainstep.Objective;
import org.verl4j.trainstep.StepConfig;
import org.verl4j.trainstep.TrainStep;
import org.verl4j.trainstep.TrainStepGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PPO-GAE critic (verl's critic: the decoder with a value head, {@link WeightLayout#critic}): values of the
 * sampled responses for GAE, and its own update on the GAE returns with the clipped value loss (ALGORITHM.md §8):
 * <pre>
 * V[i][t]   = value head at the position that predicts response token t       (DecoderForward, Head.VALUE)
 * init      body = the policy's θ₀, score.weight = 0, score.bias = 0          (V ≡ 0 before training)
 * update    same mini-/micro-batches as the actor, L = ValueLoss(V, V_old, R)
 * </pre>
 */
final class Critic implements AutoCloseable {

    private static final String VALUES = "critic_values";
    private final ParameterLayout layout;
    private final OrtRunner valueRunner;
    private final TrainStep step;

    Critic(ModelConfig model, DecoderWeights policy, StepConfig config, OrtRunner.Options ort) {
        DecoderForward forward = new DecoderForward(model, DecoderForward.Head.VALUE);
        this.layout = forward.layout();
        GraphBuilder g = new GraphBuilder("critic_values");
        g.output(VALUES, forward.build(g, new ParameterViews(g, g.input(TrainStepGraph.THETA, ElementType.FLOAT,
                Shape.of(layout.size())), layout)).value());
        this.valueRunner = new OrtRunner(g.build(), ort);
        this.step = new TrainStep(ElementType.FLOAT, layout, forward, config, initialTheta(policy), ort);
    }

    /** The critic's step configuration: the value loss, the actor's AdamW and lr schedule at the critic's rate, the same K. */
    static StepConfig stepConfig(TrainerConfig c) {
        return new StepConfig(new Objective.Critic(c.critic().valueLoss()), c.optim().adamW().withLr(c.critic().lr()),
                c.microBatchesPerUpdate(), c.optim().schedule());
    }

    /** Body from the policy, value head zero. */
    private double[] initialTheta(DecoderWeights policy) {
        double[] theta = new double[(int) layout.size()];
        int at = 0;
        for (var spec : WeightLayout.critic(policy.config())) {
            int size = spec.size();
            if (!spec.name().startsWith("score.")) {
                float[] w = policy.get(spec.name());
                for (int i = 0; i < size; i++) theta[at + i] = w[i];
            }
            at += size;
        }
        return theta;
    }

    /** V[i][t] of every response, in chunks of {@code chunk} rows. */
    double[][] values(Sequences batch, int chunk) {
        double[][] out = new double[batch.size()][];
        HostTensor theta = HostTensor.ofFloating(ElementType.FLOAT, new long[]{layout.size()}, step.theta());
        for (int start = 0; start < batch.size(); start += chunk) {
            int[] rows = new int[Math.min(chunk, batch.size() - start)];
            for (int k = 0; k < rows.length; k++) rows[k] = start + k;
            Map<String, HostTensor> feed = batch.feed(rows);
            long r = feed.get(TrainStepGraph.MASK).shape()[1];
            feed.remove(TrainStepGraph.MASK);
            feed.put(TrainStepGraph.THETA, theta);
            double[] v = valueRunner.run(feed).get(VALUES).doubles();                         // [rows, R]
            for (int k = 0; k < rows.length; k++) {
                int t = batch.responses()[rows[k]].length;
                out[rows[k]] = java.util.Arrays.copyOfRange(v, (int) (k * r), (int) (k * r + t));
            }
        }
        return out;
    }

    /** The critic update of one training step ({@link UpdateLoop}, the actor's mini-/micro-batches). */
    StepRecord.CriticUpdate update(CriticBatch batch, TrainerConfig config, long seed, int u) {
        List<LossScalars.Critic> micro = new ArrayList<>();
        List<TrainStep.Result> updates = UpdateLoop.run(step, batch.size(), config, seed,
                rows -> batch.feed(rows, ElementType.FLOAT), (r, epoch, miniBatch) -> {
                    for (LossScalars.Critic d : r.microBatches(LossScalars.Critic.class)) {
                        if (!Double.isFinite(d.loss()) || r.skipped())
                            throw new TrainingDiverged("step " + u + ": the critic loss is " + d.loss() + ", gradient norm "
                                    + r.gradNorm());
                        micro.add(d);
                    }
                });
        return new StepRecord.CriticUpdate(UpdateLoop.mean(micro, LossScalars.Critic::loss),
                UpdateLoop.mean(updates, TrainStep.Result::gradNorm));
    }

    TrainStep.State state() {
        return step.state();
    }

    void restore(TrainStep.State s) {
        step.restore(s);
    }

    @Override
    public void close() {
        try {
            step.close();
        } finally {
            valueRunner.close();
        }
    }
}
