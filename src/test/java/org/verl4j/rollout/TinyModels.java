package org.verl4j.rollout;

import org.verl4j.model.Architecture;
import org.verl4j.model.DecoderWeights;
import org.verl4j.model.ModelConfig;
import org.verl4j.model.RandomWeights;
import org.verl4j.tasks.CharTokenizer;

import java.util.List;
import java.util.Random;

/** Small random decoders over the 16-id char vocabulary of the arith-seq models (ids 0 S, 1 E, 2 P, 3 U, then 0-9 , :). */
public final class TinyModels {

    static final String CHARS = "0123456789,:";

    private TinyModels() {
    }

    static ModelConfig config(Architecture arch, int layers, int kvHeads, int groups, int headDim, int context) {
        int heads = kvHeads * groups, d = heads * headDim;
        boolean qkvBias = arch == Architecture.QWEN2;
        return new ModelConfig(arch, d, 2 * d + 3, layers, heads, kvHeads, headDim, 1e-6, 10000.0, 16, false,
                qkvBias, false, context, -1, List.of(CharTokenizer.EOS), "float32");
    }

    public static ModelConfig config() {
        return config(Architecture.LLAMA, 2, 1, 2, 8, 512);
    }

    /** Random weights with seed {@code seed}; the EOS logit is pushed down by {@code eosBias} (0 = as drawn). */
    static DecoderWeights weights(ModelConfig c, long seed) {
        return RandomWeights.of(c, new Random(seed));
    }

    static Tokenizer tokenizer() {
        return new CharLevelTokenizer(CharTokenizer.of(CHARS, 2048), new int[]{CharTokenizer.EOS});
    }

    /** A model directory: config.json, model.safetensors (F32) and the char tokenizer_config.json. */
    public static java.nio.file.Path write(java.nio.file.Path dir, ModelConfig c, long seed) throws java.io.IOException {
        weights(c, seed).save(dir, org.verl4j.io.DType.F32);
        CharTokenizer.of(CHARS, 2048).writeConfig(dir.resolve("tokenizer_config.json"));
        return dir;
    }

    static Prompt prompt(String id, String text) {
        return new Prompt(id, tokenizer().encode(text));
    }
}
