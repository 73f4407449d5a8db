package org.verl4j.model;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Shape;
import org.verl4j.graph.TensorData;
import org.verl4j.graph.Value;
import org.verl4j.graph.ParameterViews;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a decoder graph reads its parameters from: baked in as initializers (inference graphs), one graph input per
 * tensor (the rollout engine's generation graph, see {@link Inputs}), or the views of one
 * flat graph input θ in {@link WeightLayout} order (training graphs and θ-fed inference: few inputs keep session
 * creation fast, and the gradient is one flat buffer too). Each parameter is one graph value named after its HF name.
 */
public sealed interface ParameterSource {

    /** Element type of the parameters (FLOAT, or DOUBLE for finite-difference checks). */
    ElementType type();

    /** The parameter {@code spec} as a graph value of shape {@code spec.shape()}. */
    Value weight(GraphBuilder g, WeightSpec spec);

    /** The weights as initializers, converted to {@code type}. */
    record Initializers(DecoderWeights weights, ElementType type) implements ParameterSource {
        @Override
        public Value weight(GraphBuilder g, WeightSpec spec) {
            float[] values = weights.get(spec.name());
            long[] dims = longs(spec.shape());
            if (type == ElementType.FLOAT) return g.initializer(spec.name(), TensorData.ofFloats(dims, values));
            double[] wide = new double[values.length];
            for (int i = 0; i < wide.length; i++) wide[i] = values[i];
            return g.initializer(spec.name(), TensorData.ofDoubles(dims, wide));
        }
    }

    /**
     * Each parameter as its own graph input, named and shaped after its {@link WeightSpec}: the weights live in ONNX
     * Runtime memory beside the session and are swapped without rebuilding it (a new policy each RL step), and the
     * serialized graph carries no weights, so models past protobuf's 2 GB limit load too.
     */
    record Inputs(ElementType type) implements ParameterSource {
        @Override
        public Value weight(GraphBuilder g, WeightSpec spec) {
            Object[] dims = new Object[spec.shape().length];
            for (int i = 0; i < dims.length; i++) dims[i] = spec.shape()[i];
            return g.input(spec.name(), type, Shape.of(dims));
        }
    }

    /** The train-step graph's views of θ ({@link ParameterViews}), named and shaped as the layout says. */
    record Views(ParameterViews views) implements ParameterSource {
        @Override
        public ElementType type() {
            return views.theta().type();
        }

        @Override
        public Value weight(GraphBuilder g, WeightSpec spec) {
            return views.get(spec.name());
        }
    }

    /** Fetches each parameter once per graph (a tied embedding is read by the lookup and the LM head). */
    final class Cache {
        private final ParameterSource source;
        private final GraphBuilder g;
        private final Map<String, Value> values = new HashMap<>();
        private final Map<String, WeightSpec> specs = new HashMap<>();

        Cache(ParameterSource source, GraphBuilder g, ModelConfig config) {
            this.source = source;
            this.g = g;
            for (WeightSpec s : WeightLayout.of(config)) specs.put(s.name(), s);
            for (WeightSpec s : WeightLayout.critic(config)) specs.put(s.name(), s);
        }

        Value get(String name) {
            WeightSpec spec = specs.get(name);
            if (spec == null) throw new IllegalArgumentException("no parameter \"" + name + "\" in this model");
            return values.computeIfAbsent(name, n -> source.weight(g, spec));
        }
    }

    private static long[] longs(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) out[i] = shape[i];
        return out;
    }
}
