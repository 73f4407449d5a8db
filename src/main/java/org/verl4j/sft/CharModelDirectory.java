package org.verl4j.sft;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.io.AtomicFile;
import org.verl4j.io.DType;
import org.verl4j.model.DecoderWeights;
import org.verl4j.tasks.CharTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Hugging Face model directory of a char-level decoder, in the layout of verl's {@code arith-seq-llama-random}:
 * <pre>
 * config.json             the decoder's config, eos_token_id 1 (E), pad_token_id 2 (P)
 * model.safetensors       the weights, float32
 * generation_config.json  {"eos_token_id": 1, "pad_token_id": 2}
 * tokenizer_config.json   char_ords, model_max_length, chat template ({@link CharTokenizer#configJson})
 * </pre>
 * Every file is written atomically; {@link #read} loads the pair back.
 *
 * @param weights   the decoder (its vocabulary must be the tokenizer's)
 * @param tokenizer the char_ords tokenizer
 */
public record CharModelDirectory(DecoderWeights weights, CharTokenizer tokenizer) {

    public CharModelDirectory {
        int v = weights.config().vocabSize();
        if (v != tokenizer.vocabSize())
            throw new IllegalArgumentException("the model's vocab_size " + v + " is not the tokenizer's "
                    + tokenizer.vocabSize() + " (4 specials + " + tokenizer.characters().length() + " characters)");
    }

    /** Reads {@code dir}'s weights and {@code tokenizer_config.json}; errors name the file. */
    public static CharModelDirectory read(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve("tokenizer_config.json")))
            throw new IllegalArgumentException(dir + " has no tokenizer_config.json (a char_ords tokenizer is needed)");
        DecoderWeights weights = DecoderWeights.load(dir);
        try {
            return new CharModelDirectory(weights, CharTokenizer.read(dir));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes the four files into {@code dir} (created if absent); returns them. */
    public List<Path> write(Path dir) throws IOException {
        weights.save(dir, DType.F32);
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = weights.config().toJson();
        config.put("pad_token_id", CharTokenizer.PAD);
        config.put("torch_dtype", "float32");
        writeJson(dir.resolve("config.json"), config);
        ObjectNode generation = json.createObjectNode();
        generation.put("eos_token_id", CharTokenizer.EOS);
        generation.put("pad_token_id", CharTokenizer.PAD);
        writeJson(dir.resolve("generation_config.json"), generation);
        tokenizer.writeConfig(dir.resolve("tokenizer_config.json"));
        return List.of(dir.resolve("config.json"), dir.resolve("model.safetensors"),
                dir.resolve("generation_config.json"), dir.resolve("tokenizer_config.json"));
    }

    private static void writeJson(Path file, ObjectNode node) throws IOException {
        byte[] bytes = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        AtomicFile.write(file, out -> {
            out.write(bytes);
            out.write('\n');
        });
    }
}
