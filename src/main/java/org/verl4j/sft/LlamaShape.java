package org.verl4j.sft;

import org.verl4j.model.Architecture;
import org.verl4j.model.DecoderWeights;
import org.verl4j.model.ModelConfig;
import org.verl4j.model.WeightLayout;
import org.verl4j.model.WeightSpec;
import org.verl4j.tasks.CharTokenizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The shape of a fresh Llama to train from scratch, and its seeded initialisation as Hugging Face's
 * {@code LlamaPreTrainedModel._init_weights} draws it:
 * <pre>
 * every linear weight and the embedding ~ N(0, σ²), σ = initializer_range = 0.02
 * every RMSNorm weight = 1
 * </pre>
 * drawn in {@link WeightLayout#of} order, element by element, from {@code java.util.Random(seed).nextGaussian()}
 * (specified exactly by the JDK, so a seed gives the same weights on every JVM). No biases (attention_bias false),
 * untied head, head_dim = d / H, ε = 1e-6, θ = 10000: the config of verl's {@code arith-seq-llama-random}.
 *
 * @param hiddenSize       d (a multiple of 2·H)
 * @param numLayers        L
 * @param numHeads         H (= H_kv: no GQA)
 * @param intermediateSize d_ff of the SwiGLU MLP
 */
public record LlamaShape(int hiddenSize, int numLayers, int numHeads, int intermediateSize) {

    /** Hugging Face's default {@code initializer_range}. */
    public static final double INIT_STD = 0.02;

    /** d 128, L 4, H 4, d_ff 344: the shape of {@code arith-seq-llama-random} (≈ 0.8 M parameters). */
    public static final LlamaShape TINY = new LlamaShape(Tiny.HIDDEN, Tiny.LAYERS, Tiny.HEADS, Tiny.INTERMEDIATE);

    /** {@link #TINY}'s dimensions as compile-time constants, so that option help can quote them. */
    public static final class Tiny {
        public static final int HIDDEN = 128, LAYERS = 4, HEADS = 4, INTERMEDIATE = 344;

        private Tiny() {
        }
    }

    public LlamaShape {
        if (hiddenSize < 1 || numLayers < 1 || numHeads < 1 || intermediateSize < 1)
            throw new IllegalArgumentException("hidden, layers, heads and intermediate size must be ≥ 1, got "
                    + hiddenSize + ", " + numLayers + ", " + numHeads + ", " + intermediateSize);
        if (hiddenSize % numHeads != 0 || (hiddenSize / numHeads) % 2 != 0)
            throw new IllegalArgumentException("hidden size " + hiddenSize + " must be a multiple of 2 × heads ("
                    + numHeads + ") so that head_dim is an even integer");
    }

    /** The config of this shape over {@code tokenizer}'s vocabulary, EOS = E, positions up to its max length. */
    public ModelConfig config(CharTokenizer tokenizer) {
        return new ModelConfig(Architecture.LLAMA, hiddenSize, intermediateSize, numLayers, numHeads, numHeads,
                hiddenSize / numHeads, 1e-6, 10000.0, tokenizer.vocabSize(), false, false, false,
                tokenizer.modelMaxLength(), -1, List.of(CharTokenizer.EOS), "float32");
    }

    /** Fresh weights of {@code config} (norms 1, the rest N(0, 0.02²)), deterministic in {@code seed}. */
    public static DecoderWeights initialise(ModelConfig config, long seed) {
        Random random = new Random(seed);
        Map<String, float[]> tensors = new LinkedHashMap<>();
        for (WeightSpec spec : WeightLayout.of(config)) {
            float[] w = new float[spec.size()];
            boolean norm = spec.name().endsWith("norm.weight");
            for (int i = 0; i < w.length; i++) w[i] = norm ? 1f : (float) (INIT_STD * random.nextGaussian());
            tensors.put(spec.name(), w);
        }
        return DecoderWeights.of(config, tensors);
    }
}
