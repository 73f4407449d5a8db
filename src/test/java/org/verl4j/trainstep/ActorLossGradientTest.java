package org.verl4j.trainstep;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.Autodiff;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.graph.Shape;
import org.verl4j.graph.Value;
import org.verl4j.rl.ActorLoss;
import org.verl4j.rl.KlEstimator;
import org.verl4j.rl.LossAggregation;
import org.verl4j.rl.PolicyLoss;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The autodiff gradient of the actor-loss graph with respect to log π of the sampled tokens equals the RL core's
 * hand-derived {@link ActorLoss#gradLogProb} (PyTorch's kink conventions: clamp passes at its bounds, max/min split
 * ties), for every aggregation × KL estimator × dual clip. The entropy is fed as a constant input here, so it
 * contributes no gradient, as in {@code gradLogProb}.
 */
class ActorLossGradientTest {

    /** Fixed seed of every random draw here (a failure reproduces with it). */
    static final long SEED = 70227L;

    @Test
    void gradientWithRespectToLogProbEqualsTheJavaCoreDerivation() {
        Random rnd = new Random(SEED);
        int b = 3, t = 5;
        for (LossAggregation agg : LossAggregation.values())
            for (KlEstimator est : KlEstimator.values())
                for (OptionalDouble dual : List.of(OptionalDouble.empty(), OptionalDouble.of(3))) {
                    ActorLoss cfg = new ActorLoss(new PolicyLoss(0.2, 0.28, dual, agg), 0.01, 0.05, est);
                    RandomBatch batch = RandomBatch.of(rnd, b, t, 4);
                    double[] logp = new double[b * t];
                    double[][] logpRows = JavaLogProbs.of(batch.z(), batch.tokens(), b, t, 4);
                    for (int i = 0; i < b; i++) System.arraycopy(logpRows[i], 0, logp, i * t, t);
                    double[] grad = graphGradient(cfg, batch, logp);
                    double[][] expected = cfg.gradLogProb(logpRows, batch.rows(batch.old()), batch.rows(batch.ref()),
                            batch.rows(batch.adv()), batch.maskRows());
                    for (int i = 0; i < b; i++)
                        for (int s = 0; s < t; s++)
                            assertThat(grad[i * t + s]).as("%s/%s/dual %s at [%d][%d]", agg, est, dual, i, s)
                                    .isCloseTo(expected[i][s], within(1e-12));
                }
    }

    static double[] graphGradient(ActorLoss cfg, RandomBatch batch, double[] logp) {
        ElementType type = ElementType.DOUBLE;
        Shape bt = Shape.of("batch", "response");
        GraphBuilder g = new GraphBuilder("actor_loss_dlogp");
        Value logProb = g.input("log_prob", type, bt);
        Value entropy = g.input("entropy", type, bt);
        Value mask = g.input(TrainStepGraph.MASK, ElementType.BOOL, bt);
        ActorLossGraph.Hyper h = new ActorLossGraph.Hyper(g.input(TrainStepGraph.CLIP_LOW, type, Shape.SCALAR),
                g.input(TrainStepGraph.CLIP_HIGH, type, Shape.SCALAR),
                cfg.policy().dualClip().isPresent() ? g.input(TrainStepGraph.DUAL_CLIP, type, Shape.SCALAR) : null,
                g.input(TrainStepGraph.ENTROPY_COEFF, type, Shape.SCALAR), g.input(TrainStepGraph.KL_COEFF, type, Shape.SCALAR));
        ActorLossGraph.Terms terms = ActorLossGraph.build(g, cfg, h, logProb, g.input("old", type, bt),
                g.input("ref", type, bt), g.input("adv", type, bt), entropy, mask);
        g.output("dL_dlogp", Autodiff.gradients(g, terms.loss(), List.of(logProb)).get(0));
        long[] shape = {batch.b(), batch.t()};
        Map<String, HostTensor> feed = new HashMap<>();
        feed.put("log_prob", HostTensor.ofDoubles(shape, logp));
        feed.put("entropy", HostTensor.ofDoubles(shape, new double[logp.length]));
        feed.put(TrainStepGraph.MASK, HostTensor.ofBooleans(shape, batch.mask().clone()));
        feed.put("old", HostTensor.ofDoubles(shape, batch.old().clone()));
        feed.put("ref", HostTensor.ofDoubles(shape, batch.ref().clone()));
        feed.put("adv", HostTensor.ofDoubles(shape, batch.adv().clone()));
        feed.putAll(StepInputs.objective(new Objective.Policy(cfg), type));
        try (OrtRunner r = new OrtRunner(g.build(), OrtRunner.Options.cpu(1))) {
            return r.run(feed).get("dL_dlogp").doubles();
        }
    }
}
