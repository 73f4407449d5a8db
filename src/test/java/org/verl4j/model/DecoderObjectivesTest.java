package org.verl4j.model;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.rl.ActorLoss;
import org.verl4j.rl.LossAggregation;
import org.verl4j.rl.ValueLoss;
import org.verl4j.trainstep.Objective;
import org.verl4j.trainstep.StepInputs;
import org.verl4j.trainstep.TrainStepGraph;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The SFT and critic train steps of a decoder against the Java RL core fed by the reference decoder (float64). */
class DecoderObjectivesTest {

    /** Fixed seed of every random draw here (a failure reproduces with it). */
    static final long SEED = 294907L;

    private final Random random = new Random(SEED);
    private final ModelConfig config = RandomDecoders.config(Architecture.LLAMA, 1, 1, 2, 2, false, true, 6);
    private final DecoderWeights weights = RandomDecoders.weights(config, random);
    private final PpoMicroBatch batch = new PpoMicroBatch(weights, random, new int[]{1, 0}, 3, new int[]{4, 2}, 4);

    @Test
    void sftLossIsTheAggregatedCrossEntropyOfTheResponses() {
        LossAggregation mode = LossAggregation.SEQ_MEAN_TOKEN_SUM;
        double[][] nll = new double[2][4];
        for (int i = 0; i < 2; i++) for (int t = 0; t < 4; t++) nll[i][t] = -batch.logProb[i][t];
        DecoderForward forward = new DecoderForward(config);
        Map<String, HostTensor> feed = batch.feed(ElementType.DOUBLE, ActorLoss.defaults());
        putTheta(feed, theta(forward, weights.flatten()));
        try (OrtRunner run = GraphRuns.session(TrainStepGraph.build("sft", ElementType.DOUBLE, forward.layout(), forward,
                new Objective.Sft(mode), TrainStepGraph.Mode.ACCUMULATE))) {
            feed.keySet().retainAll(run.inputNames());
            assertThat(run.run(feed).get(TrainStepGraph.LOSS).scalar()).isCloseTo(mode.aggregate(nll, batch.responseMask), within(1e-10));
        }
    }

    @Test
    void criticLossUsesTheValueHeadAtThePositionsBeforeEachResponseToken() {
        DecoderForward forward = new DecoderForward(config, DecoderForward.Head.VALUE);
        float[] score = new float[config.hiddenSize()];
        for (int j = 0; j < score.length; j++) score[j] = (float) random.nextGaussian();
        float scoreBias = (float) random.nextGaussian();
        double[][][] z = new ReferenceDecoder(weights).forward(batch.ids, batch.mask, batch.positions).hidden();
        double[][] values = new double[2][4], oldValues = new double[2][4], returns = new double[2][4];
        for (int i = 0; i < 2; i++)
            for (int t = 0; t < 4; t++) {
                double v = scoreBias;
                for (int j = 0; j < score.length; j++) v += score[j] * z[i][3 - 1 + t][j];
                values[i][t] = v;
                oldValues[i][t] = v + 0.3 * random.nextGaussian();
                returns[i][t] = random.nextGaussian();
            }
        ValueLoss loss = new ValueLoss(0.2, LossAggregation.TOKEN_MEAN);
        ValueLoss.Result expected = loss.compute(values, oldValues, returns, batch.responseMask);

        float[] policy = weights.flatten();
        int lmHead = config.vocabSize() * config.hiddenSize();
        float[] critic = new float[policy.length - lmHead + score.length + 1];
        System.arraycopy(policy, 0, critic, 0, policy.length - lmHead);                 // lm_head is last: drop it
        System.arraycopy(score, 0, critic, policy.length - lmHead, score.length);
        critic[critic.length - 1] = scoreBias;
        Map<String, HostTensor> feed = batch.feed(ElementType.DOUBLE, ActorLoss.defaults());
        putTheta(feed, theta(forward, critic));
        long[] shape = {2, 4};
        feed.put(TrainStepGraph.OLD_VALUES, HostTensor.ofDoubles(shape, flat(oldValues)));
        feed.put(TrainStepGraph.RETURNS, HostTensor.ofDoubles(shape, flat(returns)));
        feed.putAll(StepInputs.objective(new Objective.Critic(loss), ElementType.DOUBLE));
        try (OrtRunner run = GraphRuns.session(TrainStepGraph.build("critic", ElementType.DOUBLE, forward.layout(), forward,
                new Objective.Critic(loss), TrainStepGraph.Mode.ACCUMULATE))) {
            feed.keySet().retainAll(run.inputNames());
            Map<String, HostTensor> out = run.run(feed);
            assertThat(out.get(TrainStepGraph.LOSS).scalar()).isCloseTo(expected.loss(), within(1e-10));
            assertThat(out.get(TrainStepGraph.VF_CLIPFRAC).scalar()).isCloseTo(expected.clipFraction(), within(1e-12));
        }
    }

    private static double[] theta(DecoderForward forward, float[] flat) {
        assertThat((long) flat.length).isEqualTo(forward.layout().size());
        double[] theta = new double[flat.length];
        for (int i = 0; i < flat.length; i++) theta[i] = flat[i];
        return theta;
    }

    private static void putTheta(Map<String, HostTensor> feed, double[] theta) {
        long[] n = {theta.length};
        feed.put(TrainStepGraph.THETA, HostTensor.ofDoubles(n, theta));
        feed.put(TrainStepGraph.GRAD_ACC, HostTensor.ofDoubles(n, new double[theta.length]));
        feed.put(TrainStepGraph.WEIGHT, HostTensor.scalar(ElementType.DOUBLE, 1));
    }

    private static double[] flat(double[][] x) {
        double[] out = new double[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) System.arraycopy(x[i], 0, out, i * x[0].length, x[0].length);
        return out;
    }
}
