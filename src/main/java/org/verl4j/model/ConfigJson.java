package org.verl4j.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Hugging Face {@code config.json} tree into a {@link ModelConfig}. Keys the forward does not use are
 * ignored; keys it uses must have the right type; options it does not implement (rope scaling, MLP biases, sliding
 * windows, activations other than SiLU) are refused with a message naming the file and the key.
 */
final class ConfigJson {

    private final JsonNode json;
    private final String source;

    private ConfigJson(JsonNode json, String source) {
        this.json = json;
        this.source = source;
    }

    /**
     * A JSON parse error on one line: Jackson's own message runs over several lines (the source excerpt);
     * here it is "line L, column C: what" with the excerpt left out.
     */
    static String describe(java.io.IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            String what = j.getOriginalMessage() == null ? "parse error" : j.getOriginalMessage();
            String oneLine = what.replaceAll("\\s*\\R\\s*", " ").strip();
            var at = j.getLocation();
            return at == null ? oneLine : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + oneLine;
        }
        return String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ").strip();
    }

    static ModelConfig parse(JsonNode json, String source) {
        return new ConfigJson(json, source).parse();
    }

    private ModelConfig parse() {
        if (!json.isObject()) throw error("expected a JSON object");
        Architecture arch = architecture();
        refuseUnsupported(arch);
        int d = requiredInt("hidden_size");
        int heads = requiredInt("num_attention_heads");
        int kvHeads = optionalInt("num_key_value_heads", heads);
        int headDim = optionalInt("head_dim", heads > 0 ? d / heads : 0);
        boolean attentionBias = optionalBoolean("attention_bias", false);
        boolean qkvBias = arch == Architecture.QWEN2 || attentionBias;
        boolean outputBias = arch == Architecture.LLAMA && attentionBias;
        try {
            return new ModelConfig(arch, d, requiredInt("intermediate_size"), requiredInt("num_hidden_layers"),
                    heads, kvHeads, headDim, requiredDouble("rms_norm_eps"), optionalDouble("rope_theta", 10000.0),
                    requiredInt("vocab_size"), optionalBoolean("tie_word_embeddings", false), qkvBias, outputBias,
                    optionalInt("max_position_embeddings", 2048), optionalInt("bos_token_id", -1), eosIds(),
                    json.path("torch_dtype").isTextual() ? json.get("torch_dtype").asText() : "float32");
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private Architecture architecture() {
        JsonNode list = json.get("architectures");
        if (list == null || !list.isArray() || list.isEmpty() || !list.get(0).isTextual())
            throw error("\"architectures\" must be a non-empty list of names");
        return Architecture.fromHf(list.get(0).asText(), source);
    }

    private void refuseUnsupported(Architecture arch) {
        JsonNode scaling = json.get("rope_scaling");
        if (scaling != null && !scaling.isNull()) {
            String type = scaling.path("rope_type").asText(scaling.path("type").asText("?"));
            if (!type.equals("default"))
                throw error("rope_scaling type \"" + type + "\" is not supported (only plain RoPE with rope_theta)");
        }
        String act = json.path("hidden_act").asText("silu");
        if (!act.equals("silu")) throw error("hidden_act \"" + act + "\" is not supported (only silu)");
        if (optionalBoolean("mlp_bias", false)) throw error("mlp_bias=true is not supported");
        if (arch == Architecture.QWEN2 && optionalBoolean("use_sliding_window", false))
            throw error("use_sliding_window=true is not supported");
    }

    private List<Integer> eosIds() {
        JsonNode eos = json.get("eos_token_id");
        List<Integer> ids = new ArrayList<>();
        if (eos == null || eos.isNull()) return ids;
        if (eos.isArray()) eos.forEach(e -> ids.add(asInt("eos_token_id", e)));
        else ids.add(asInt("eos_token_id", eos));
        return ids;
    }

    private int requiredInt(String key) {
        if (!json.has(key) || json.get(key).isNull()) throw error("missing \"" + key + "\"");
        return asInt(key, json.get(key));
    }

    private int optionalInt(String key, int fallback) {
        JsonNode n = json.get(key);
        return n == null || n.isNull() ? fallback : asInt(key, n);
    }

    private int asInt(String key, JsonNode n) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) throw error("\"" + key + "\" must be an integer, got " + n);
        return n.intValue();
    }

    private double requiredDouble(String key) {
        if (!json.has(key) || json.get(key).isNull()) throw error("missing \"" + key + "\"");
        return optionalDouble(key, Double.NaN);
    }

    private double optionalDouble(String key, double fallback) {
        JsonNode n = json.get(key);
        if (n == null || n.isNull()) return fallback;
        if (!n.isNumber()) throw error("\"" + key + "\" must be a number, got " + n);
        return n.doubleValue();
    }

    private boolean optionalBoolean(String key, boolean fallback) {
        JsonNode n = json.get(key);
        if (n == null || n.isNull()) return fallback;
        if (!n.isBoolean()) throw error("\"" + key + "\" must be true or false, got " + n);
        return n.booleanValue();
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(source + ": " + what);
    }
}
