package org.verl4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A decoder's shape and numerics, as Hugging Face's {@code config.json} states them for {@code LlamaForCausalLM}
 * and {@code Qwen2ForCausalLM}. Validated on construction; {@link #read(Path)} parses the file and
 * {@link #toJson()} writes it back with the keys Hugging Face reads.
 *
 * <pre>
 *   d = hidden_size, d_ff = intermediate_size, L = num_hidden_layers,
 *   H = num_attention_heads, H_kv = num_key_value_heads (H mod H_kv = 0; H_kv &lt; H is GQA),
 *   D = head_dim (default d / H, even: RoPE rotates pairs), θ = rope_theta, ε = rms_norm_eps, V = vocab_size
 * </pre>
 *
 * @param qkvBias     q/k/v projections carry a bias (Qwen2 always; Llama iff {@code attention_bias})
 * @param outputBias  the o projection carries a bias (Llama iff {@code attention_bias}; Qwen2 never)
 * @param bosTokenId  beginning-of-sequence id, or −1 when the config has none
 * @param eosTokenIds end-of-sequence ids (a config may give one or a list); possibly empty
 * @param torchDtype  the checkpoint's declared dtype ({@code "bfloat16"}, {@code "float16"}, {@code "float32"})
 */
public record ModelConfig(Architecture architecture, int hiddenSize, int intermediateSize, int numLayers,
                          int numHeads, int numKvHeads, int headDim, double rmsNormEps, double ropeTheta,
                          int vocabSize, boolean tieWordEmbeddings, boolean qkvBias, boolean outputBias,
                          int maxPositionEmbeddings, int bosTokenId, List<Integer> eosTokenIds, String torchDtype) {

    public ModelConfig {
        positive("hidden_size", hiddenSize);
        positive("intermediate_size", intermediateSize);
        positive("num_hidden_layers", numLayers);
        positive("num_attention_heads", numHeads);
        positive("num_key_value_heads", numKvHeads);
        positive("head_dim", headDim);
        positive("vocab_size", vocabSize);
        positive("max_position_embeddings", maxPositionEmbeddings);
        if (numHeads % numKvHeads != 0)
            throw new IllegalArgumentException("num_attention_heads " + numHeads
                    + " is not a multiple of num_key_value_heads " + numKvHeads);
        if (headDim % 2 != 0) throw new IllegalArgumentException("head_dim " + headDim + " must be even for RoPE");
        if (!(rmsNormEps > 0)) throw new IllegalArgumentException("rms_norm_eps must be > 0, got " + rmsNormEps);
        if (!(ropeTheta > 0)) throw new IllegalArgumentException("rope_theta must be > 0, got " + ropeTheta);
        eosTokenIds = List.copyOf(eosTokenIds);
    }

    /** Query heads per key/value head, {@code H / H_kv} (repeat_kv's {@code n_rep}). */
    public int groupSize() {
        return numHeads / numKvHeads;
    }

    /** Parses {@code dir/config.json}; a missing file is an error naming it. */
    public static ModelConfig read(Path dir) throws IOException {
        Path file = dir.resolve("config.json");
        if (!Files.isRegularFile(file))
            throw new IllegalArgumentException(dir + " is not a model directory: no config.json");
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + ConfigJson.describe(e), e);
        }
        return ConfigJson.parse(json, file.toString());
    }

    /** The {@code config.json} Hugging Face loads this model from. */
    public ObjectNode toJson() {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.putArray("architectures").add(architecture.hfName());
        o.put("model_type", architecture.modelType());
        o.put("hidden_size", hiddenSize);
        o.put("intermediate_size", intermediateSize);
        o.put("num_hidden_layers", numLayers);
        o.put("num_attention_heads", numHeads);
        o.put("num_key_value_heads", numKvHeads);
        o.put("head_dim", headDim);
        o.put("hidden_act", "silu");
        o.put("rms_norm_eps", rmsNormEps);
        o.put("rope_theta", ropeTheta);
        o.putNull("rope_scaling");
        o.put("vocab_size", vocabSize);
        o.put("tie_word_embeddings", tieWordEmbeddings);
        if (architecture == Architecture.LLAMA) {
            o.put("attention_bias", qkvBias);
            o.put("mlp_bias", false);
        } else {
            o.put("use_sliding_window", false);
        }
        o.put("max_position_embeddings", maxPositionEmbeddings);
        if (bosTokenId >= 0) o.put("bos_token_id", bosTokenId); else o.putNull("bos_token_id");
        if (eosTokenIds.size() == 1) o.put("eos_token_id", eosTokenIds.get(0));
        else {
            ArrayNode eos = o.putArray("eos_token_id");
            eosTokenIds.forEach(eos::add);
        }
        o.put("torch_dtype", torchDtype);
        return o;
    }

    private static void positive(String key, int value) {
        if (value < 1) throw new IllegalArgumentException(key + " must be ≥ 1, got " + value);
    }
}
