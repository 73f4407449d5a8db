package org.verl4j.rollout;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} (byte-level BPE with added tokens) run by the Rust {@code tokenizers}
 * library through DJL, fully offline: DJL's telemetry off ({@code OPT_OUT_TRACKING}), offline mode, the CPU build
 * of the native library forced ({@code RUST_FLAVOR=cpu}; on a CUDA host DJL would otherwise download a CUDA one),
 * its caches under {@code <verl4j.cache>/djl} (system property {@code verl4j.cache}, default
 * {@code ~/.cache/verl4j}); no special tokens added, no truncation (DJL's default cuts at 512), no padding.
 */
public final class HfTokenizer implements Tokenizer {

    static {
        Path cache = Path.of(System.getProperty("verl4j.cache",
                Path.of(System.getProperty("user.home"), ".cache", "verl4j").toString())).resolve("djl");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("RUST_FLAVOR", "cpu");
        setIfAbsent("DJL_CACHE_DIR", cache.toString());
        setIfAbsent("ENGINE_CACHE_DIR", cache.resolve("engines").toString());
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    private final HuggingFaceTokenizer tokenizer;
    private final int[] eos;
    private final int pad;
    private final ChatTemplate chat;

    private HfTokenizer(HuggingFaceTokenizer tokenizer, int[] eos, int pad, ChatTemplate chat) {
        this.tokenizer = tokenizer;
        this.eos = eos;
        this.pad = pad;
        this.chat = chat;
    }

    /**
     * {@code tokenizerJson}, with {@code tokenizer_config.json} beside it (eos/pad tokens, chat template) and the
     * EOS ids of {@code modelDir}'s configs (null: none).
     */
    public static HfTokenizer load(Path tokenizerJson, Path modelDir) {
        HuggingFaceTokenizer t;
        try {
            t = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("addSpecialTokens", "false",
                    "truncation", "false", "padding", "false", "modelMaxLength", String.valueOf(Integer.MAX_VALUE)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(tokenizerJson + ": not a readable tokenizer.json: " + e.getMessage(), e);
        }
        Path configFile = tokenizerJson.resolveSibling("tokenizer_config.json");
        JsonNode config = null;
        if (Files.isRegularFile(configFile)) {
            try {
                config = new ObjectMapper().readTree(configFile.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(configFile + ": " + e.getMessage(), e);
            }
        }
        int eosToken = single(t, config, "eos_token", configFile), padToken = single(t, config, "pad_token", configFile);
        int[] eos = EosIds.collect(modelDir, eosToken);
        JsonNode template = config == null ? null : config.get("chat_template");
        ChatTemplate chat = template == null || !template.isTextual() ? null : ChatTemplate.recognise(template.asText(), configFile.toString());
        return new HfTokenizer(t, eos, padToken >= 0 ? padToken : eos[0], chat);
    }

    /** The id of the single-token string {@code config[key]} (a string or {"content": …}), −1 when absent. */
    private static int single(HuggingFaceTokenizer t, JsonNode config, String key, Path file) {
        JsonNode n = config == null ? null : config.get(key);
        if (n != null && n.isObject()) n = n.get("content");
        if (n == null || !n.isTextual()) return -1;
        long[] ids = t.encode(n.asText(), false, false).getIds();
        if (ids.length != 1) throw new IllegalArgumentException(file + ": " + key + " '" + n.asText() + "' is not one token");
        return (int) ids[0];
    }

    @Override
    public int[] encode(String text) {
        long[] ids = tokenizer.encode(text, false, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) out[i] = Math.toIntExact(ids[i]);
        return out;
    }

    @Override
    public String decode(int[] ids) {
        long[] wide = new long[ids.length];
        for (int i = 0; i < ids.length; i++) wide[i] = ids[i];
        return tokenizer.decode(wide, false);
    }

    @Override
    public int[] eosIds() {
        return eos.clone();
    }

    @Override
    public int padId() {
        return pad;
    }

    @Override
    public ChatTemplate chatTemplate() {
        if (chat == null) throw new IllegalArgumentException("this tokenizer has no recognised chat_template");
        return chat;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
