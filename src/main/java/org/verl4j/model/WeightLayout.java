package org.verl4j.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parameters of a Llama/Qwen2 decoder in Hugging Face's names and shapes, in one fixed order (embedding,
 * layers 0…L−1, final norm, LM head). The order is also the order of the flat parameter buffer of training graphs.
 * <pre>
 *   model.embed_tokens.weight                       [V, d]
 *   model.layers.ℓ.input_layernorm.weight           [d]
 *   model.layers.ℓ.self_attn.{q,k,v}_proj.weight    [H·D, d], [H_kv·D, d], [H_kv·D, d]   (+ .bias if qkvBias)
 *   model.layers.ℓ.self_attn.o_proj.weight          [d, H·D]                             (+ .bias if outputBias)
 *   model.layers.ℓ.post_attention_layernorm.weight  [d]
 *   model.layers.ℓ.mlp.{gate,up}_proj.weight        [d_ff, d]
 *   model.layers.ℓ.mlp.down_proj.weight             [d, d_ff]
 *   model.norm.weight                               [d]
 *   lm_head.weight                                  [V, d]   (absent when tie_word_embeddings: W_lm = W_embed)
 * </pre>
 * A critic replaces the LM head by a value head ({@link #critic}).
 */
public final class WeightLayout {

    public static final String EMBED = "model.embed_tokens.weight";
    public static final String FINAL_NORM = "model.norm.weight";
    public static final String LM_HEAD = "lm_head.weight";
    public static final String SCORE = "score.weight", SCORE_BIAS = "score.bias";

    private WeightLayout() {
    }

    /** {@code model.layers.ℓ.<suffix>}. */
    public static String layer(int l, String suffix) {
        return "model.layers." + l + "." + suffix;
    }

    /** Every parameter of {@code c}, in the canonical order. */
    public static List<WeightSpec> of(ModelConfig c) {
        int d = c.hiddenSize(), qDim = c.numHeads() * c.headDim(), kvDim = c.numKvHeads() * c.headDim();
        List<WeightSpec> specs = new ArrayList<>();
        specs.add(new WeightSpec(EMBED, new int[]{c.vocabSize(), d}));
        for (int l = 0; l < c.numLayers(); l++) {
            specs.add(new WeightSpec(layer(l, "input_layernorm.weight"), new int[]{d}));
            linear(specs, layer(l, "self_attn.q_proj"), qDim, d, c.qkvBias());
            linear(specs, layer(l, "self_attn.k_proj"), kvDim, d, c.qkvBias());
            linear(specs, layer(l, "self_attn.v_proj"), kvDim, d, c.qkvBias());
            linear(specs, layer(l, "self_attn.o_proj"), d, qDim, c.outputBias());
            specs.add(new WeightSpec(layer(l, "post_attention_layernorm.weight"), new int[]{d}));
            linear(specs, layer(l, "mlp.gate_proj"), c.intermediateSize(), d, false);
            linear(specs, layer(l, "mlp.up_proj"), c.intermediateSize(), d, false);
            linear(specs, layer(l, "mlp.down_proj"), d, c.intermediateSize(), false);
        }
        specs.add(new WeightSpec(FINAL_NORM, new int[]{d}));
        if (!c.tieWordEmbeddings()) specs.add(new WeightSpec(LM_HEAD, new int[]{c.vocabSize(), d}));
        return Collections.unmodifiableList(specs);
    }

    /**
     * A critic's parameters (HF {@code LlamaForTokenClassification} / {@code Qwen2ForTokenClassification} with one
     * label, as verl's critic loads): the decoder without {@code lm_head}, then {@code score.weight [1, d]} and
     * {@code score.bias [1]}.
     */
    public static List<WeightSpec> critic(ModelConfig c) {
        List<WeightSpec> specs = new ArrayList<>();
        for (WeightSpec s : of(c)) if (!s.name().equals(LM_HEAD)) specs.add(s);
        specs.add(new WeightSpec(SCORE, new int[]{1, c.hiddenSize()}));
        specs.add(new WeightSpec(SCORE_BIAS, new int[]{1}));
        return Collections.unmodifiableList(specs);
    }

    /** Total parameter count. */
    public static long parameterCount(ModelConfig c) {
        long n = 0;
        for (WeightSpec s : of(c)) n += s.size();
        return n;
    }

    private static void linear(List<WeightSpec> specs, String prefix, int out, int in, boolean bias) {
        specs.add(new WeightSpec(prefix + ".weight", new int[]{out, in}));
        if (bias) specs.add(new WeightSpec(prefix + ".bias", new int[]{out}));
    }
}
