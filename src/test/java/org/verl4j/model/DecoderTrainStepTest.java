package org.verl4j.model;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.rl.ActorLoss;
import org.verl4j.rl.KlEstimator;
import org.verl4j.rl.LossAggregation;
import org.verl4j.rl.PolicyLoss;
import org.verl4j.trainstep.AdamWConfig;
import org.verl4j.trainstep.Objective;
import org.verl4j.trainstep.StepInputs;
import org.verl4j.trainstep.TrainStepGraph;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The PPO train step of a decoder: its loss and diagnostics against the Java RL core fed with the reference
 * decoder's log-probabilities, its whole-model gradient against central differences (float64), and three AdamW
 * updates against a Java AdamW written from PyTorch's formula.
 */
class DecoderTrainStepTest {

    /** Fixed seed of every random draw here (a failure reproduces with it). */
    static final long SEED = 569677L;

    private final Random random = new Random(SEED);
    private final ModelConfig config = RandomDecoders.config(Architecture.QWEN2, 1, 1, 2, 2, false, false, 7);
    private final DecoderWeights weights = RandomDecoders.weights(config, random);
    private final ActorLoss actorLoss = new ActorLoss(new PolicyLoss(0.2, 0.28, 3.0, LossAggregation.SEQ_MEAN_TOKEN_MEAN),
            0.01, 0.05, KlEstimator.K3);
    private final PpoMicroBatch batch = new PpoMicroBatch(weights, random, new int[]{0, 2}, 4, new int[]{5, 3}, 5);

    @Test
    void lossAndDiagnosticsEqualTheJavaRlCoreInFloat64AndFloat32() {
        ActorLoss.Result expected = actorLoss.compute(batch.logProb, batch.oldLogProb, batch.refLogProb,
                batch.advantages, batch.entropy, batch.responseMask);
        for (ElementType type : new ElementType[]{ElementType.DOUBLE, ElementType.FLOAT}) {
            double tolerance = type == ElementType.DOUBLE ? 1e-10 : 1e-4;
            Map<String, HostTensor> out = run(step(type, TrainStepGraph.Mode.ACCUMULATE), accumulateFeed(type, theta()));
            assertThat(out.get(TrainStepGraph.LOSS).scalar()).as("loss " + type).isCloseTo(expected.loss(), within(tolerance));
            assertThat(out.get(TrainStepGraph.PG_LOSS).scalar()).isCloseTo(expected.policy().loss(), within(tolerance));
            assertThat(out.get(TrainStepGraph.PG_CLIPFRAC).scalar()).isCloseTo(expected.policy().clipFraction(), within(tolerance));
            assertThat(out.get(TrainStepGraph.PPO_KL).scalar()).isCloseTo(expected.policy().approxKl(), within(tolerance));
            assertThat(out.get(TrainStepGraph.ENTROPY).scalar()).isCloseTo(expected.entropy(), within(tolerance));
            assertThat(out.get(TrainStepGraph.KL).scalar()).isCloseTo(expected.kl(), within(tolerance));
        }
    }

    @Test
    void wholeModelGradientMatchesCentralDifferencesOfTheLoss() {
        double[] theta = theta();
        try (OrtRunner run = GraphRuns.session(step(ElementType.DOUBLE, TrainStepGraph.Mode.ACCUMULATE))) {
            Map<String, HostTensor> feed = accumulateFeed(ElementType.DOUBLE, theta);
            double[] grad = run.run(feed).get(TrainStepGraph.GRAD_ACC_OUT).doubles();
            double h = 1e-6, worst = 0;
            for (int i = 0; i < theta.length; i += 3) {                        // every third parameter: all tensors
                double[] plus = theta.clone(), minus = theta.clone();
                plus[i] += h;
                minus[i] -= h;
                feed.put(TrainStepGraph.THETA, HostTensor.ofDoubles(new long[]{theta.length}, plus));
                double lPlus = run.run(feed).get(TrainStepGraph.LOSS).scalar();
                feed.put(TrainStepGraph.THETA, HostTensor.ofDoubles(new long[]{theta.length}, minus));
                double lMinus = run.run(feed).get(TrainStepGraph.LOSS).scalar();
                worst = Math.max(worst, Math.abs((lPlus - lMinus) / (2 * h) - grad[i]));
            }
            assertThat(worst).isLessThan(1e-7);
        }
    }

    @Test
    void threeAdamWUpdatesMatchAJavaAdamW() {
        double lr = 1e-2, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, decay = 0.01, maxNorm = 0.5;
        double[] theta = theta(), m = new double[theta.length], v = new double[theta.length];
        double[] expected = theta.clone(), em = new double[theta.length], ev = new double[theta.length];
        try (OrtRunner accumulate = GraphRuns.session(step(ElementType.DOUBLE, TrainStepGraph.Mode.ACCUMULATE));
             OrtRunner update = GraphRuns.session(step(ElementType.DOUBLE, TrainStepGraph.Mode.UPDATE))) {
            for (int t = 1; t <= 3; t++) {
                double[] grad = accumulate.run(accumulateFeed(ElementType.DOUBLE, expected)).get(TrainStepGraph.GRAD_ACC_OUT).doubles();
                JavaAdamW.step(expected, em, ev, grad, t, lr, beta1, beta2, eps, decay, maxNorm);
                Map<String, HostTensor> feed = accumulateFeed(ElementType.DOUBLE, theta);
                long[] n = {theta.length};
                feed.put(TrainStepGraph.ADAM_M, HostTensor.ofDoubles(n, m));
                feed.put(TrainStepGraph.ADAM_V, HostTensor.ofDoubles(n, v));
                feed.putAll(StepInputs.optimizer(new AdamWConfig(lr, beta1, beta2, eps, decay, maxNorm), t, ElementType.DOUBLE));
                Map<String, HostTensor> out = update.run(feed);
                theta = out.get(TrainStepGraph.THETA_OUT).doubles();
                m = out.get(TrainStepGraph.ADAM_M_OUT).doubles();
                v = out.get(TrainStepGraph.ADAM_V_OUT).doubles();
            }
        }
        for (int i = 0; i < theta.length; i++) assertThat(theta[i]).isCloseTo(expected[i], within(1e-12));
        assertThat(theta).isNotEqualTo(theta());
    }

    private GraphBuilder.Graph step(ElementType type, TrainStepGraph.Mode mode) {
        return TrainStepGraph.build("ppo_step", type, DecoderForward.layout(config), new DecoderForward(config),
                new Objective.Policy(actorLoss), mode);
    }

    private double[] theta() {
        float[] flat = weights.flatten();
        double[] theta = new double[flat.length];
        for (int i = 0; i < flat.length; i++) theta[i] = flat[i];
        return theta;
    }

    private Map<String, HostTensor> accumulateFeed(ElementType type, double[] theta) {
        Map<String, HostTensor> feed = batch.feed(type, actorLoss);
        long[] n = {theta.length};
        feed.put(TrainStepGraph.THETA, HostTensor.ofFloating(type, n, theta));
        feed.put(TrainStepGraph.GRAD_ACC, HostTensor.ofFloating(type, n, new double[theta.length]));
        feed.put(TrainStepGraph.WEIGHT, HostTensor.scalar(type, 1));
        return feed;
    }

    private static Map<String, HostTensor> run(GraphBuilder.Graph graph, Map<String, HostTensor> feed) {
        try (OrtRunner run = GraphRuns.session(graph)) {
            return run.run(feed);
        }
    }
}
