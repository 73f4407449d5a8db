package org.verl4j.trainstep;

import org.verl4j.graph.ParameterLayout;
import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.Forward;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.rl.ActorLoss;
import org.verl4j.rl.KlEstimator;
import org.verl4j.rl.LossAggregation;
import org.verl4j.rl.PolicyLoss;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The policy train-step graph's loss and diagnostics equal the Java RL core's {@link ActorLoss} on random
 * micro-batches, for every aggregation × KL estimator × dual clip (float64 within 1e-12, float32 within 1e-4), and
 * its gradient equals central differences of that Java loss (float64). The forward is the identity on the logits,
 * so θ = z.
 */
class ActorLossGraphTest {

    /** Fixed seed of every random draw here (a failure reproduces with it). */
    static final long SEED = 629500L;

    static final int B = 3, T = 4, V = 5;

    static Map<String, HostTensor> outputs(ElementType type, ActorLoss cfg, RandomBatch batch) {
        ParameterLayout layout = ParameterLayout.builder().add("z", B, T, V).build();
        var graph = TrainStepGraph.build("actor_loss", type, layout, (g, theta) -> Forward.Output.of(theta.get("z")),
                new Objective.Policy(cfg), TrainStepGraph.Mode.ACCUMULATE);
        Map<String, HostTensor> feed = batch.feed(type);
        long p = layout.size();
        feed.put(TrainStepGraph.THETA, HostTensor.ofFloating(type, new long[]{p}, batch.z()));
        feed.put(TrainStepGraph.GRAD_ACC, HostTensor.ofFloating(type, new long[]{p}, new double[(int) p]));
        feed.put(TrainStepGraph.WEIGHT, HostTensor.scalar(type, 1));
        feed.putAll(StepInputs.objective(new Objective.Policy(cfg), type));
        try (OrtRunner r = new OrtRunner(graph, OrtRunner.Options.cpu(1))) {
            return r.run(feed);
        }
    }

    static ActorLoss.Result java(ActorLoss cfg, RandomBatch b, double[] z) {
        return cfg.compute(JavaLogProbs.of(z, b.tokens(), B, T, V), b.rows(b.old()), b.rows(b.ref()), b.rows(b.adv()),
                JavaLogProbs.entropy(z, B, T, V), b.maskRows());
    }

    static void assertMatches(Map<String, HostTensor> out, ActorLoss.Result expected, double tol, String what) {
        assertThat(out.get(TrainStepGraph.LOSS).scalar()).as(what + " loss").isCloseTo(expected.loss(), within(tol));
        assertThat(out.get(TrainStepGraph.PG_LOSS).scalar()).as(what + " pg_loss").isCloseTo(expected.policy().loss(), within(tol));
        assertThat(out.get(TrainStepGraph.PG_CLIPFRAC).scalar()).as(what + " clipfrac").isCloseTo(expected.policy().clipFraction(), within(tol));
        assertThat(out.get(TrainStepGraph.PG_CLIPFRAC_LOWER).scalar()).as(what + " clipfrac lower").isCloseTo(expected.policy().clipFractionLower(), within(tol));
        assertThat(out.get(TrainStepGraph.PPO_KL).scalar()).as(what + " ppo_kl").isCloseTo(expected.policy().approxKl(), within(tol));
        assertThat(out.get(TrainStepGraph.ENTROPY).scalar()).as(what + " entropy").isCloseTo(expected.entropy(), within(tol));
        assertThat(out.get(TrainStepGraph.KL).scalar()).as(what + " kl").isCloseTo(expected.kl(), within(tol));
    }

    @Test
    void float64LossAndDiagnosticsEqualTheJavaCoreForEveryVariant() {
        Random rnd = new Random(SEED);
        for (LossAggregation agg : LossAggregation.values())
            for (KlEstimator est : KlEstimator.values())
                for (OptionalDouble dual : List.of(OptionalDouble.empty(), OptionalDouble.of(3))) {
                    RandomBatch batch = RandomBatch.of(rnd, B, T, V);
                    ActorLoss cfg = new ActorLoss(new PolicyLoss(0.2, 0.28, dual, agg), 0.01, 0.05, est);
                    assertMatches(outputs(ElementType.DOUBLE, cfg, batch), java(cfg, batch, batch.z()), 1e-12,
                            agg + "/" + est + "/dual " + dual);
                }
    }

    @Test
    void float32LossAndDiagnosticsEqualTheJavaCoreWithin1e4() {
        Random rnd = new Random(SEED);
        for (LossAggregation agg : LossAggregation.values()) {
            RandomBatch batch = RandomBatch.of(rnd, B, T, V);
            ActorLoss cfg = new ActorLoss(new PolicyLoss(0.2, 0.2, 3, agg), 0.001, 0.001, KlEstimator.K3);
            assertMatches(outputs(ElementType.FLOAT, cfg, batch), java(cfg, batch, batch.z()), 1e-4, "float32 " + agg);
        }
    }

    @Test
    void gradientEqualsCentralDifferencesOfTheJavaLoss() {
        Random rnd = new Random(SEED);
        double h = 1e-6;
        for (LossAggregation agg : LossAggregation.values()) {
            RandomBatch batch = RandomBatch.of(rnd, B, T, V);
            ActorLoss cfg = new ActorLoss(new PolicyLoss(0.2, 0.28, 3, agg), 0.01, 0.05, KlEstimator.K3);
            double[] grad = outputs(ElementType.DOUBLE, cfg, batch).get(TrainStepGraph.GRAD_ACC_OUT).doubles();
            double scale = 1, err = 0;
            for (int k = 0; k < grad.length; k++) {
                double[] plus = batch.z().clone(), minus = batch.z().clone();
                plus[k] += h;
                minus[k] -= h;
                double fd = (java(cfg, batch, plus).loss() - java(cfg, batch, minus).loss()) / (2 * h);
                scale = Math.max(scale, Math.abs(fd));
                err = Math.max(err, Math.abs(fd - grad[k]));
            }
            assertThat(err / scale).as("gradient vs central differences, " + agg).isLessThan(1e-6);
        }
    }
}
