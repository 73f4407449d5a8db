package org.verl4j.rollout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text ↔ token ids for a model. Two kinds: the character vocabularies of the small models
 * ({@link CharLevelTokenizer}, {@code char_ords} in {@code tokenizer_config.json}) and Hugging Face
 * {@code tokenizer.json} files ({@link HfTokenizer}, through DJL).
 * <ul>
 *   <li>{@link #encode}: the text's ids, no special tokens added (templates write them as text), no truncation.</li>
 *   <li>{@link #decode}: every id verbatim — special tokens, EOS and padding included (Hugging Face's
 *   {@code skip_special_tokens=False}); callers strip a final EOS first ({@link Rollout#textTokenIds}).</li>
 *   <li>{@link #eosIds}: every id that ends a response — the tokenizer's EOS and the ids listed as
 *   {@code eos_token_id} in the model's {@code generation_config.json} and {@code config.json}.</li>
 * </ul>
 */
public interface Tokenizer extends AutoCloseable {

    int[] encode(String text);

    String decode(int[] ids);

    /** Every EOS id (sorted, distinct, non-empty). */
    int[] eosIds();

    /** The padding id (the EOS when the tokenizer has no padding token). */
    int padId();

    /** The template rules of this tokenizer's chat format ({@link ChatTemplate}). */
    ChatTemplate chatTemplate();

    @Override
    default void close() {
    }

    /**
     * The tokenizer of a model directory: {@code tokenizer.json} when present (DJL), else a {@code tokenizer_config.json}
     * with {@code char_ords}; anything else is an error naming the directory.
     */
    static Tokenizer forModel(Path modelDir) {
        Path json = modelDir.resolve("tokenizer.json"), config = modelDir.resolve("tokenizer_config.json");
        try {
            if (Files.isRegularFile(json)) return HfTokenizer.load(json, modelDir);
            if (Files.isRegularFile(config) && Files.readString(config).contains("\"char_ords\""))
                return CharLevelTokenizer.load(modelDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer of " + modelDir + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(modelDir + ": no supported tokenizer (need tokenizer.json, or "
                + "tokenizer_config.json with char_ords)");
    }
}
