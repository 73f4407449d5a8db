package org.verl4j.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Random decoder weights for benchmarks and differential tests, drawn at a scale that keeps activations O(1):
 * <pre>
 *   linear W [out, in] ~ N(0, 1/in),   norm weights ~ 1 + N(0, 0.1²),   embeddings and biases ~ N(0, 0.5²)
 * </pre>
 * so attention is far from uniform and every block contributes to the logits. Deterministic for a given
 * {@code Random} seed.
 */
public final class RandomWeights {

    private RandomWeights() {
    }

    /** Every tensor of {@link WeightLayout#of}(config), drawn in layout order from {@code random}. */
    public static DecoderWeights of(ModelConfig config, Random random) {
        Map<String, float[]> tensors = new LinkedHashMap<>();
        for (WeightSpec spec : WeightLayout.of(config)) {
            float[] t = new float[spec.size()];
            int[] shape = spec.shape();
            boolean norm = spec.name().endsWith("norm.weight");
            boolean matrix = shape.length == 2 && !spec.name().equals(WeightLayout.EMBED);
            double std = matrix ? 1.0 / Math.sqrt(shape[1]) : norm ? 0.1 : 0.5;
            for (int i = 0; i < t.length; i++) t[i] = (float) ((norm ? 1 : 0) + std * random.nextGaussian());
            tensors.put(spec.name(), t);
        }
        return DecoderWeights.of(config, tensors);
    }
}
