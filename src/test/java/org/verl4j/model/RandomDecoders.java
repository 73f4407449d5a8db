package org.verl4j.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small random decoders for differential tests. Weights are drawn at a scale that keeps activations O(1)
 * (linear weights ~ N(0, 1/in), norm weights ~ 1 + N(0, 0.1²), embeddings and biases ~ N(0, 0.5²)), so
 * attention is far from uniform and every block contributes to the logits.
 */
final class RandomDecoders {

    private RandomDecoders() {
    }

    /** A config of {@code arch} with {@code H = H_kv · groups} heads of size {@code D}. */
    static ModelConfig config(Architecture arch, int layers, int kvHeads, int groups, int headDim, boolean tied,
                              boolean llamaBias, int vocab) {
        int heads = kvHeads * groups;
        int d = heads * headDim + (headDim % 3 == 0 ? 0 : 2);            // d need not equal H·D
        boolean qkvBias = arch == Architecture.QWEN2 || llamaBias;
        boolean outputBias = arch == Architecture.LLAMA && llamaBias;
        return new ModelConfig(arch, d, 2 * d + 3, layers, heads, kvHeads, headDim, 1e-6, 10000.0, vocab, tied,
                qkvBias, outputBias, 512, -1, List.of(1), "float32");
    }

    static DecoderWeights weights(ModelConfig config, Random random) {
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

    /** Token ids in [0, V). */
    static int[][] tokens(Random random, int batch, int length, int vocab) {
        int[][] ids = new int[batch][length];
        for (int[] row : ids) for (int t = 0; t < length; t++) row[t] = random.nextInt(vocab);
        return ids;
    }

    /** Attention masks with {@code pads[b]} leading zeros (left padding). */
    static int[][] leftPadded(int length, int... pads) {
        int[][] mask = new int[pads.length][length];
        for (int b = 0; b < pads.length; b++) for (int t = pads[b]; t < length; t++) mask[b][t] = 1;
        return mask;
    }
}
