package org.verl4j.trainstep;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.verl4j.trainstep.TrainStepTest.SEED;

/**
 * A {@link TrainStep} with a learning-rate schedule: each update equals {@link ReferenceAdamW} run at that update's
 * rate, the rates worked by hand (not by {@link LrSchedule}), and a restored state continues on the same rates.
 */
class TrainStepScheduleTest {

    /** Cosine, W = 2, T = 4, r = 0.2 at lr 1e-2: f = 1/2, 1, 0.2 + 0.8·½(1 + cos π/2) = 0.6, 0.2. */
    static final LrSchedule COSINE = new LrSchedule.Cosine(2, 4, 0.2);
    static final double[] HAND_LRS = {5e-3, 1e-2, 6e-3, 2e-3};
    static final AdamWConfig ADAM = new AdamWConfig(1e-2, 0.9, 0.999, 1e-8, 0.1, 1e9);

    @Test
    void eachUpdateEqualsTheJavaAdamWAtThatUpdatesRate() {
        Random rnd = new Random(SEED);
        double[] theta0 = MlpPolicy.initialTheta(rnd);
        ReferenceAdamW reference = new ReferenceAdamW(theta0);
        StepConfig config = TrainStepTest.config(ADAM, 2).withSchedule(COSINE);
        try (TrainStep step = new TrainStep(ElementType.DOUBLE, MlpPolicy.LAYOUT, MlpPolicy.forward(ElementType.DOUBLE),
                config, theta0, OrtRunner.Options.cpu(1)); OrtRunner acc = TrainStepTest.accumulateRunner()) {
            for (int s = 0; s < HAND_LRS.length; s++) {
                List<Map<String, HostTensor>> micro = List.of(MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 2, 3),
                        MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 3, 2));
                double[] g = new double[theta0.length];
                for (Map<String, HostTensor> batch : micro) {
                    double[] gk = TrainStepTest.lossAndGradient(acc, reference.theta, batch)
                            .get(TrainStepGraph.GRAD_ACC_OUT).doubles();
                    for (int i = 0; i < g.length; i++) g[i] += gk[i] / micro.size();
                }
                reference.step(g, ADAM.withLr(HAND_LRS[s]));
                TrainStep.Result r = step.step(micro);
                // the schedule's double arithmetic vs the hand decimal: a few ulps of 1e-2
                assertThat(r.lr()).as("lr of update %d, seed %d", s + 1, SEED).isCloseTo(HAND_LRS[s], within(1e-17));
                // same tolerance as TrainStepTest: double graph vs double reference, summation order only
                TrainStepTest.assertClose(step.theta(), reference.theta, "θ after update " + (s + 1));
                TrainStepTest.assertClose(step.firstMoment(), reference.m, "m after update " + (s + 1));
                TrainStepTest.assertClose(step.secondMoment(), reference.v, "v after update " + (s + 1));
            }
        }
    }

    @Test
    void aRestoredStateContinuesOnTheSameRatesBitForBit() {
        Random rnd = new Random(SEED);
        double[] theta0 = MlpPolicy.initialTheta(rnd);
        List<Map<String, HostTensor>> batches = List.of(
                TrainStepTest.toFloat(MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 2, 3)),
                TrainStepTest.toFloat(MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 3, 2)),
                TrainStepTest.toFloat(MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 2, 2)),
                TrainStepTest.toFloat(MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 1, 3)));
        StepConfig config = TrainStepTest.config(ADAM, 1).withSchedule(COSINE);
        TrainStep.State straight, half, resumed;
        double[] straightLrs = new double[4], resumedLrs = new double[2];
        try (TrainStep a = newStep(config, theta0)) {
            for (int s = 0; s < 4; s++) straightLrs[s] = a.step(List.of(batches.get(s))).lr();
            straight = a.state();
        }
        try (TrainStep b = newStep(config, theta0)) {
            for (int s = 0; s < 2; s++) b.step(List.of(batches.get(s)));
            half = b.state();
        }
        try (TrainStep c = newStep(config, new double[theta0.length])) {
            c.restore(half);
            for (int s = 2; s < 4; s++) resumedLrs[s - 2] = c.step(List.of(batches.get(s))).lr();
            resumed = c.state();
        }
        assertThat(resumedLrs).containsExactly(straightLrs[2], straightLrs[3]);
        assertThat(resumed.theta()).as("θ, seed %d", SEED).containsExactly(straight.theta());
        assertThat(resumed.m()).as("m, seed %d", SEED).containsExactly(straight.m());
        assertThat(resumed.v()).as("v, seed %d", SEED).containsExactly(straight.v());
    }

    private static TrainStep newStep(StepConfig config, double[] theta) {
        return new TrainStep(ElementType.FLOAT, MlpPolicy.LAYOUT, MlpPolicy.forward(ElementType.FLOAT), config, theta,
                OrtRunner.Options.cpu(1));
    }
}
