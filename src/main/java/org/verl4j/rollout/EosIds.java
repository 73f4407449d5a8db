package org.verl4j.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

/**
 * Collects a model's EOS ids: the tokenizer's own plus every {@code eos_token_id} (a number or a list) of
 * {@code generation_config.json} and {@code config.json} in the model directory (Hugging Face's generate stops on
 * any of them).
 */
final class EosIds {

    private EosIds() {
    }

    static int[] collect(Path modelDir, int... tokenizerEos) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (int id : tokenizerEos) if (id >= 0) ids.add(id);
        for (String name : new String[]{"generation_config.json", "config.json"}) {
            Path file = modelDir == null ? null : modelDir.resolve(name);
            if (file == null || !Files.isRegularFile(file)) continue;
            JsonNode eos;
            try {
                eos = new ObjectMapper().readTree(file.toFile()).get("eos_token_id");
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": " + e.getMessage(), e);
            }
            if (eos == null || eos.isNull()) continue;
            if (eos.isArray()) for (JsonNode e : eos) ids.add(integer(file, e));
            else ids.add(integer(file, eos));
        }
        if (ids.isEmpty()) throw new IllegalArgumentException(modelDir + ": no EOS id in the tokenizer, "
                + "generation_config.json or config.json");
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int integer(Path file, JsonNode n) {
        if (!n.canConvertToInt() || n.asInt() < 0)
            throw new IllegalArgumentException(file + ": eos_token_id " + n + " is not a non-negative integer");
        return n.asInt();
    }
}
