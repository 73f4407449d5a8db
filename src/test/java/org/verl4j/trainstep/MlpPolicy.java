package org.verl4j.trainstep;

import org.verl4j.graph.ParameterViews;
import org.verl4j.graph.ParameterLayout;
import org.verl4j.graph.Forward;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.Shape;
import org.verl4j.graph.Value;

import java.util.Map;
import java.util.Random;

/**
 * A toy policy for end-to-end train-step tests: features x[B, T, F] (a graph input) through a one-hidden-layer MLP,
 * {@code z = tanh(x·W₁ + b₁)·W₂ + b₂}, logits over V tokens.
 */
final class MlpPolicy {

    static final int F = 3, H = 4, V = 5;
    static final String FEATURES = "features";

    static final ParameterLayout LAYOUT = ParameterLayout.builder()
            .add("W1", F, H).add("b1", H).add("W2", H, V).add("b2", V).build();

    private MlpPolicy() {
    }

    static Forward forward(ElementType type) {
        return (GraphBuilder g, ParameterViews theta) -> {
            Value x = g.input(FEATURES, type, Shape.of("batch", "response", F));
            Value h = g.tanh(g.add(g.matMul(x, theta.get("W1")), theta.get("b1"))).named("h");
            return Forward.Output.of(g.add(g.matMul(h, theta.get("W2")), theta.get("b2")).named("z"));
        };
    }

    static double[] initialTheta(Random rnd) {
        double[] theta = new double[(int) LAYOUT.size()];
        for (int i = 0; i < theta.length; i++) theta[i] = 0.5 * rnd.nextGaussian();
        return theta;
    }

    /** A micro-batch: random features and a random policy batch (its logits are not used, only tokens/mask/…). */
    static Map<String, HostTensor> microBatch(Random rnd, ElementType type, int b, int t) {
        Map<String, HostTensor> feed = RandomBatch.of(rnd, b, t, V).feed(type);
        double[] x = new double[b * t * F];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        feed.put(FEATURES, HostTensor.ofFloating(type, new long[]{b, t, F}, x));
        return feed;
    }
}
