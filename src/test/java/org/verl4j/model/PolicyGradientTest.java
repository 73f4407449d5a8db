package org.verl4j.model;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.Autodiff;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.graph.TensorData;
import org.verl4j.graph.Value;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole-model gradients of the flat-θ decoder (float64 graph) against central finite differences of the same
 * graph's loss, for a random half of the parameters (every tensor) of a tiny Qwen2 (GQA, q/k/v biases) and a tiny
 * tied, biased Llama. The loss mixes both outputs a PPO step differentiates:
 * {@code L = Σ c₁ ⊙ logp + Σ c₂ ⊙ entropy}, c random.
 */
class PolicyGradientTest {

    /** Fixed seed of every random draw here (a failure reproduces with it). */
    static final long SEED = 658778L;

    private final Random random = new Random(SEED);

    @Test
    void qwen2GradientMatchesCentralDifferences() {
        assertGradientMatchesFiniteDifferences(RandomDecoders.config(Architecture.QWEN2, 1, 1, 2, 2, false, false, 5));
    }

    @Test
    void tiedLlamaGradientMatchesCentralDifferences() {
        assertGradientMatchesFiniteDifferences(RandomDecoders.config(Architecture.LLAMA, 1, 2, 1, 2, true, true, 6));
    }

    private void assertGradientMatchesFiniteDifferences(ModelConfig c) {
        int batch = 2, length = 5, n = (int) WeightLayout.parameterCount(c);
        GraphBuilder g = new GraphBuilder("policy_loss");
        PolicyGraph p = PolicyGraph.build(g, c, ElementType.DOUBLE);
        double[] c1 = gaussian(batch * (length - 1)), c2 = gaussian(batch * (length - 1));
        long[] tokenShape = {batch, length - 1};
        Value loss = g.add(g.reduceSumAll(g.mul(p.tokens().logp(), g.constant(TensorData.ofDoubles(tokenShape, c1)))),
                g.reduceSumAll(g.mul(p.tokens().entropy(), g.constant(TensorData.ofDoubles(tokenShape, c2)))));
        g.output("loss", loss);
        g.output("grad", Autodiff.gradients(g, loss, List.of(p.theta())).get(0));

        int[][] ids = RandomDecoders.tokens(random, batch, length, c.vocabSize());
        int[][] mask = RandomDecoders.leftPadded(length, 0, 2);
        double[] theta = new double[n];
        float[] flat = RandomDecoders.weights(c, random).flatten();
        for (int i = 0; i < n; i++) theta[i] = flat[i];
        Map<String, HostTensor> feed = new HashMap<>();
        feed.put(GenerationGraph.IDS, GraphRuns.longs(ids));
        feed.put(GenerationGraph.POSITIONS, GraphRuns.longs(ReferenceDecoder.positionsFromMask(mask)));
        feed.put(GenerationGraph.MASK, GraphRuns.longs(mask));
        try (OrtRunner run = GraphRuns.session(g.build())) {
            feed.put(PolicyGraph.THETA, HostTensor.ofDoubles(new long[]{n}, theta.clone()));
            double[] grad = run.run(feed).get("grad").doubles();
            double h = 1e-5, worst = 0;
            String worstAt = "";
            for (int i = random.nextInt(2); i < n; i += 2) {             // half the parameters, every tensor
                double[] plus = theta.clone(), minus = theta.clone();
                plus[i] += h;
                minus[i] -= h;
                feed.put(PolicyGraph.THETA, HostTensor.ofDoubles(new long[]{n}, plus));
                double lPlus = run.run(feed).get("loss").scalar();
                feed.put(PolicyGraph.THETA, HostTensor.ofDoubles(new long[]{n}, minus));
                double lMinus = run.run(feed).get("loss").scalar();
                double fd = (lPlus - lMinus) / (2 * h);
                double error = Math.abs(fd - grad[i]) / Math.max(1, Math.abs(fd));
                if (error > worst) {
                    worst = error;
                    worstAt = nameOf(c, i);
                }
            }
            assertThat(worst).as("max error |fd − grad| / max(1, |fd|) over half of %d parameters, at %s", n, worstAt)
                    .isLessThan(1e-6);
        }
    }

    /** The parameter holding flat index i, e.g. {@code model.norm.weight[3]}. */
    private static String nameOf(ModelConfig c, int i) {
        int at = 0;
        for (WeightSpec s : WeightLayout.of(c)) {
            if (i < at + s.size()) return s.name() + "[" + (i - at) + "]";
            at += s.size();
        }
        throw new IndexOutOfBoundsException(i);
    }

    private double[] gaussian(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = random.nextGaussian();
        return x;
    }
}
