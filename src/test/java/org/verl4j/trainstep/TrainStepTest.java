package org.verl4j.trainstep;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.rl.ActorLoss;
import org.verl4j.rl.KlEstimator;
import org.verl4j.rl.LossAggregation;
import org.verl4j.rl.PolicyLoss;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * End to end on a toy MLP policy: the whole train-step gradient equals central differences of the graph's loss,
 * and optimizer steps with gradient accumulation equal {@link ReferenceAdamW} fed the per-micro-batch gradients.
 */
class TrainStepTest {

    /** Fixed seed of every random draw here (failures print it). */
    static final long SEED = 20_261_202L;

    static final Objective POLICY = new Objective.Policy(
            new ActorLoss(new PolicyLoss(0.2, 0.28, 3, LossAggregation.TOKEN_MEAN), 0.01, 0.05, KlEstimator.K3));

    /** POLICY with optimizer {@code opt} and K micro-batches per step. */
    static StepConfig config(AdamWConfig opt, int k) {
        return StepConfig.DEFAULTS.withObjective(POLICY).withOptimizer(opt).withMicroBatches(k);
    }

    /** Runs the ACCUMULATE graph with g_acc = 0, w = 1: the micro-batch's loss and ∇θ L. */
    static Map<String, HostTensor> lossAndGradient(OrtRunner accumulate, double[] theta, Map<String, HostTensor> batch) {
        return lossAndGradient(ElementType.DOUBLE, accumulate, theta, batch);
    }

    static Map<String, HostTensor> lossAndGradient(ElementType type, OrtRunner accumulate, double[] theta,
                                                   Map<String, HostTensor> batch) {
        Map<String, HostTensor> feed = new HashMap<>(batch);
        feed.putAll(StepInputs.objective(POLICY, type));
        long[] p = {theta.length};
        feed.put(TrainStepGraph.THETA, HostTensor.ofFloating(type, p, theta));
        feed.put(TrainStepGraph.GRAD_ACC, HostTensor.ofFloating(type, p, new double[theta.length]));
        feed.put(TrainStepGraph.WEIGHT, HostTensor.scalar(type, 1));
        return accumulate.run(feed);
    }

    static OrtRunner accumulateRunner() {
        return accumulateRunner(ElementType.DOUBLE);
    }

    static OrtRunner accumulateRunner(ElementType type) {
        return new OrtRunner(TrainStepGraph.build("acc", type, MlpPolicy.LAYOUT,
                MlpPolicy.forward(type), POLICY, TrainStepGraph.Mode.ACCUMULATE), OrtRunner.Options.cpu(1));
    }

    @Test
    void wholeStepGradientEqualsCentralDifferences() {
        Random rnd = new Random(SEED);
        double[] theta = MlpPolicy.initialTheta(rnd);
        Map<String, HostTensor> batch = MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 3, 4);
        try (OrtRunner acc = accumulateRunner()) {
            double[] grad = lossAndGradient(acc, theta, batch).get(TrainStepGraph.GRAD_ACC_OUT).doubles();
            double h = 1e-6, scale = 1, err = 0;
            for (int k = 0; k < theta.length; k++) {
                double[] plus = theta.clone(), minus = theta.clone();
                plus[k] += h;
                minus[k] -= h;
                double fd = (lossAndGradient(acc, plus, batch).get(TrainStepGraph.LOSS).scalar()
                        - lossAndGradient(acc, minus, batch).get(TrainStepGraph.LOSS).scalar()) / (2 * h);
                scale = Math.max(scale, Math.abs(fd));
                err = Math.max(err, Math.abs(fd - grad[k]));
            }
            assertThat(err / scale).as("∇θ vs central differences, seed %d", SEED).isLessThan(1e-7);
        }
    }

    @Test
    void optimizerStepsWithAccumulationEqualTheJavaAdamWReference() {
        Random rnd = new Random(SEED);
        double[] theta0 = MlpPolicy.initialTheta(rnd);
        for (AdamWConfig opt : List.of(new AdamWConfig(1e-2, 0.9, 0.999, 1e-8, 0.1, 1e9),     // no clipping
                new AdamWConfig(3e-2, 0.8, 0.99, 1e-6, 0.01, 0.05))) {                     // clipping active
            ReferenceAdamW reference = new ReferenceAdamW(theta0);
            try (TrainStep step = new TrainStep(ElementType.DOUBLE, MlpPolicy.LAYOUT, MlpPolicy.forward(ElementType.DOUBLE),
                    config(opt, 2), theta0, OrtRunner.Options.cpu(1)); OrtRunner acc = accumulateRunner()) {
                for (int s = 0; s < 3; s++) {
                    List<Map<String, HostTensor>> micro = List.of(MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 2, 3),
                            MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 3, 2));
                    double[] g = new double[theta0.length];
                    double[] losses = new double[micro.size()];
                    for (int k = 0; k < micro.size(); k++) {
                        Map<String, HostTensor> out = lossAndGradient(acc, reference.theta, micro.get(k));
                        double[] gk = out.get(TrainStepGraph.GRAD_ACC_OUT).doubles();
                        for (int i = 0; i < g.length; i++) g[i] += gk[i] / micro.size();   // Σ (1/K) ∇L_k
                        losses[k] = out.get(TrainStepGraph.LOSS).scalar();
                    }
                    double norm = reference.step(g, opt);
                    TrainStep.Result r = step.step(micro);
                    assertThat(r.gradNorm()).as("grad norm, step %d, seed %d", s, SEED).isCloseTo(norm, within(1e-12));
                    for (int k = 0; k < losses.length; k++)
                        assertThat(r.microBatches().get(k).loss()).isCloseTo(losses[k], within(1e-12));
                    assertClose(step.theta(), reference.theta, "θ after step " + s);
                    assertClose(step.firstMoment(), reference.m, "m after step " + s);
                    assertClose(step.secondMoment(), reference.v, "v after step " + s);
                }
                assertThat(step.steps()).isEqualTo(3);
            }
        }
    }

    @Test
    void theTypedScalarsOfAStepAreTheGraphsNamedOutputsAtTheSameTheta() {
        Random rnd = new Random(SEED);
        double[] theta0 = MlpPolicy.initialTheta(rnd);
        Map<String, HostTensor> batch = MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 2, 3);
        try (TrainStep step = new TrainStep(ElementType.DOUBLE, MlpPolicy.LAYOUT, MlpPolicy.forward(ElementType.DOUBLE),
                config(AdamWConfig.defaults(), 1), theta0, OrtRunner.Options.cpu(1)); OrtRunner acc = accumulateRunner()) {
            Map<String, HostTensor> out = lossAndGradient(acc, theta0, batch);          // the oracle: outputs by name
            TrainStep.Result r = step.step(List.of(batch));
            LossScalars.Policy p = r.microBatches(LossScalars.Policy.class).get(0);
            double[] typed = {p.loss(), p.pgLoss(), p.clipFraction(), p.clipFractionLower(), p.ppoKl(), p.entropy(), p.kl()};
            String[] names = {TrainStepGraph.LOSS, TrainStepGraph.PG_LOSS, TrainStepGraph.PG_CLIPFRAC,
                    TrainStepGraph.PG_CLIPFRAC_LOWER, TrainStepGraph.PPO_KL, TrainStepGraph.ENTROPY, TrainStepGraph.KL};
            for (int i = 0; i < names.length; i++)                  // UPDATE vs ACCUMULATE graph: same loss subgraph
                assertThat(typed[i]).as(names[i] + ", seed " + SEED).isCloseTo(out.get(names[i]).scalar(), within(1e-12));
            assertThat(r.skipped()).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.microBatches(LossScalars.Critic.class))
                    .hasMessageContaining("outputs Policy scalars, not Critic");
        }
    }

    @Test
    void float32StepsFollowTheDoubleReferenceWithin1e4() {
        Random rnd = new Random(SEED);
        double[] theta0 = MlpPolicy.initialTheta(rnd);
        AdamWConfig opt = new AdamWConfig(1e-2, 0.9, 0.999, 1e-8, 0.01, 1.0);
        ReferenceAdamW reference = new ReferenceAdamW(theta0);
        try (TrainStep step = new TrainStep(ElementType.FLOAT, MlpPolicy.LAYOUT, MlpPolicy.forward(ElementType.FLOAT),
                config(opt, 1), theta0, OrtRunner.Options.cpu(1)); OrtRunner acc = accumulateRunner(ElementType.DOUBLE)) {
            for (int s = 0; s < 3; s++) {
                Map<String, HostTensor> batch = MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 2, 3);
                double[] g = lossAndGradient(acc, reference.theta, batch).get(TrainStepGraph.GRAD_ACC_OUT).doubles();
                reference.step(g, opt);
                step.step(List.of(toFloat(batch)));
                assertClose(step.theta(), reference.theta, "float32 θ after step " + s, 1e-4);
            }
        }
    }

    @Test
    void anEmptyResponseIsRejectedAndANonFiniteGradientSkipsTheStep() {
        Random rnd = new Random(SEED);
        double[] theta0 = MlpPolicy.initialTheta(rnd);
        try (TrainStep step = new TrainStep(ElementType.DOUBLE, MlpPolicy.LAYOUT, MlpPolicy.forward(ElementType.DOUBLE),
                config(AdamWConfig.defaults(), 1), theta0, OrtRunner.Options.cpu(1))) {
            Map<String, HostTensor> batch = new HashMap<>(MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 2, 3));
            boolean[] mask = batch.get(TrainStepGraph.MASK).booleans();
            mask[3] = mask[4] = mask[5] = false;                                   // row 1 empty
            Map<String, HostTensor> empty = new HashMap<>(batch);
            empty.put(TrainStepGraph.MASK, HostTensor.ofBooleans(new long[]{2, 3}, mask));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> step.step(List.of(empty)))
                    .hasMessageContaining("row 1 has no valid token");
            double[] x = batch.get(MlpPolicy.FEATURES).doubles();
            x[0] = Double.POSITIVE_INFINITY;
            batch.put(MlpPolicy.FEATURES, HostTensor.ofDoubles(new long[]{2, 3, MlpPolicy.F}, x));
            TrainStep.Result r = step.step(List.of(batch));
            assertThat(r.skipped()).isTrue();
            assertThat(step.theta()).containsExactly(theta0);
            assertThat(step.steps()).isZero();
        }
    }

    @Test
    void aRestoredStateContinuesBitForBitLikeAStraightRun() {
        Random rnd = new Random(SEED);
        double[] theta0 = MlpPolicy.initialTheta(rnd);
        List<Map<String, HostTensor>> batches = List.of(toFloat(MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 2, 3)),
                toFloat(MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 3, 2)), toFloat(MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 2, 2)),
                toFloat(MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 1, 3)));
        StepConfig config = config(new AdamWConfig(1e-2, 0.9, 0.999, 1e-8, 0.01, 1.0), 1);
        TrainStep.State straight, resumed;
        try (TrainStep a = new TrainStep(ElementType.FLOAT, MlpPolicy.LAYOUT, MlpPolicy.forward(ElementType.FLOAT), config,
                theta0, OrtRunner.Options.cpu(1))) {
            for (Map<String, HostTensor> b : batches) a.step(List.of(b));
            straight = a.state();
        }
        TrainStep.State half;
        try (TrainStep b = new TrainStep(ElementType.FLOAT, MlpPolicy.LAYOUT, MlpPolicy.forward(ElementType.FLOAT), config,
                theta0, OrtRunner.Options.cpu(1))) {
            for (Map<String, HostTensor> batch : batches.subList(0, 2)) b.step(List.of(batch));
            half = b.state();
        }
        try (TrainStep c = new TrainStep(ElementType.FLOAT, MlpPolicy.LAYOUT, MlpPolicy.forward(ElementType.FLOAT), config,
                new double[theta0.length], OrtRunner.Options.cpu(1))) {
            c.restore(half);
            assertThat(c.steps()).isEqualTo(2);
            assertThat(c.theta()).containsExactly(half.theta());
            for (Map<String, HostTensor> batch : batches.subList(2, 4)) c.step(List.of(batch));
            resumed = c.state();
            float[] f = c.thetaFloats();
            for (int i = 0; i < f.length; i++) assertThat((double) f[i]).as("θ as float32 [%d]", i).isEqualTo(resumed.theta()[i]);
        }
        assertThat(resumed.steps()).isEqualTo(4);
        assertThat(resumed.theta()).as("θ, seed %d", SEED).containsExactly(straight.theta());
        assertThat(resumed.m()).as("m, seed %d", SEED).containsExactly(straight.m());
        assertThat(resumed.v()).as("v, seed %d", SEED).containsExactly(straight.v());
    }

    static Map<String, HostTensor> toFloat(Map<String, HostTensor> batch) {
        Map<String, HostTensor> out = new HashMap<>();
        batch.forEach((k, t) -> out.put(k, t.type() == ElementType.DOUBLE ? HostTensor.ofFloating(ElementType.FLOAT, t.shape(), t.doubles()) : t));
        return out;
    }

    static void assertClose(double[] actual, double[] expected, String what) {
        assertClose(actual, expected, what, 1e-12);
    }

    static void assertClose(double[] actual, double[] expected, String what, double tol) {
        double err = 0;
        for (int i = 0; i < actual.length; i++) err = Math.max(err, Math.abs(actual[i] - expected[i]));
        assertThat(err).as(what + ", seed " + SEED).isLessThan(tol);
    }
}
