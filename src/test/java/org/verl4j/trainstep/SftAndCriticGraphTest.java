package org.verl4j.trainstep;

import org.verl4j.graph.ParameterLayout;
import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.Forward;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.rl.LossAggregation;
import org.verl4j.rl.ValueLoss;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * SFT and critic train-step graphs against plain Java: SFT loss = aggregate(−log π(y)) with
 * {@link LossAggregation#aggregate}, critic loss and clip fraction = {@link ValueLoss#compute}; gradients against
 * central differences of those Java losses (float64). Forwards are the identity on θ (logits, values).
 */
class SftAndCriticGraphTest {

    /** Fixed seed of every random draw here (a failure reproduces with it). */
    static final long SEED = 299818L;

    static final int B = 3, T = 4, V = 5;

    static Map<String, HostTensor> run(Objective objective, long[] shape, double[] theta, Map<String, HostTensor> feed) {
        ParameterLayout layout = ParameterLayout.builder().add("out", shape).build();
        Map<String, HostTensor> f = new HashMap<>(feed);
        long[] p = {layout.size()};
        f.put(TrainStepGraph.THETA, HostTensor.ofDoubles(p, theta.clone()));
        f.put(TrainStepGraph.GRAD_ACC, HostTensor.ofDoubles(p, new double[theta.length]));
        f.put(TrainStepGraph.WEIGHT, HostTensor.scalar(ElementType.DOUBLE, 1));
        var graph = TrainStepGraph.build("objective", ElementType.DOUBLE, layout, (g, th) -> Forward.Output.of(th.get("out")), objective,
                TrainStepGraph.Mode.ACCUMULATE);
        try (OrtRunner r = new OrtRunner(graph, OrtRunner.Options.cpu(1))) {
            return r.run(f);
        }
    }

    interface JavaLoss {
        double at(double[] theta);
    }

    static void assertGradient(double[] grad, double[] theta, JavaLoss loss) {
        double h = 1e-6, scale = 1, err = 0;
        for (int k = 0; k < theta.length; k++) {
            double[] plus = theta.clone(), minus = theta.clone();
            plus[k] += h;
            minus[k] -= h;
            double fd = (loss.at(plus) - loss.at(minus)) / (2 * h);
            scale = Math.max(scale, Math.abs(fd));
            err = Math.max(err, Math.abs(fd - grad[k]));
        }
        assertThat(err / scale).as("gradient vs central differences").isLessThan(1e-7);
    }

    @Test
    void sftLossIsTheAggregatedNegativeLogLikelihood() {
        Random rnd = new Random(SEED);
        for (LossAggregation agg : LossAggregation.values()) {
            RandomBatch b = RandomBatch.of(rnd, B, T, V);
            Map<String, HostTensor> feed = b.feed(ElementType.DOUBLE);
            feed.keySet().retainAll(java.util.Set.of(TrainStepGraph.RESPONSES, TrainStepGraph.MASK));
            JavaLoss java = z -> {
                double[][] logp = JavaLogProbs.of(z, b.tokens(), B, T, V);
                for (double[] row : logp) for (int s = 0; s < row.length; s++) row[s] = -row[s];
                return agg.aggregate(logp, b.maskRows());
            };
            Map<String, HostTensor> out = run(new Objective.Sft(agg), new long[]{B, T, V}, b.z(), feed);
            assertThat(out.get(TrainStepGraph.LOSS).scalar()).as("SFT " + agg).isCloseTo(java.at(b.z()), within(1e-12));
            assertGradient(out.get(TrainStepGraph.GRAD_ACC_OUT).doubles(), b.z(), java);
        }
    }

    @Test
    void criticLossAndClipFractionEqualTheJavaValueLoss() {
        Random rnd = new Random(SEED);
        for (LossAggregation agg : LossAggregation.values()) {
            RandomBatch b = RandomBatch.of(rnd, B, T, V);
            double[] values = new double[B * T], old = new double[B * T], returns = new double[B * T];
            for (int k = 0; k < values.length; k++) {
                values[k] = rnd.nextGaussian();
                old[k] = b.mask()[k] ? values[k] + 0.6 * rnd.nextGaussian() : Double.NaN;   // about half clipped
                returns[k] = b.mask()[k] ? rnd.nextGaussian() : Double.NaN;
            }
            ValueLoss loss = new ValueLoss(0.5, agg);
            long[] bt = {B, T};
            Map<String, HostTensor> feed = new HashMap<>(StepInputs.objective(new Objective.Critic(loss), ElementType.DOUBLE));
            feed.put(TrainStepGraph.MASK, HostTensor.ofBooleans(bt, b.mask().clone()));
            feed.put(TrainStepGraph.OLD_VALUES, HostTensor.ofDoubles(bt, old.clone()));
            feed.put(TrainStepGraph.RETURNS, HostTensor.ofDoubles(bt, returns.clone()));
            JavaLoss java = v -> loss.compute(b.rows(v), b.rows(old), b.rows(returns), b.maskRows()).loss();
            Map<String, HostTensor> out = run(new Objective.Critic(loss), bt, values, feed);
            ValueLoss.Result expected = loss.compute(b.rows(values), b.rows(old), b.rows(returns), b.maskRows());
            assertThat(out.get(TrainStepGraph.LOSS).scalar()).as("critic " + agg).isCloseTo(expected.loss(), within(1e-12));
            assertThat(out.get(TrainStepGraph.VF_CLIPFRAC).scalar()).isCloseTo(expected.clipFraction(), within(1e-12));
            assertGradient(out.get(TrainStepGraph.GRAD_ACC_OUT).doubles(), values, java);
        }
    }
}
