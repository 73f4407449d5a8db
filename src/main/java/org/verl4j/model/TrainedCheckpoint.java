package org.verl4j.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.io.AtomicFile;
import org.verl4j.io.DType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes trained weights as a complete Hugging Face model directory beside the one they were trained from: the
 * weights ({@code model.safetensors}), the source's {@code config.json} with every key kept ({@code pad_token_id},
 * {@code rope_scaling}, …) except {@code torch_dtype}, and every other file of the source (tokenizer, generation
 * config, chat template) copied unchanged — so tokenizers and generation tools load the result like the original.
 * Each file is written atomically.
 */
public final class TrainedCheckpoint {

    private TrainedCheckpoint() {
    }

    /**
     * Writes {@code trained} to {@code target} in the layout of {@code source}.
     *
     * @throws IllegalArgumentException when {@code trained} does not have the source's architecture and shapes, or
     *                                  {@code target} is {@code source}
     * @return the files written
     */
    public static List<Path> write(Path source, DecoderWeights trained, Path target, DType dtype) throws IOException {
        ModelConfig sourceConfig = ModelConfig.read(source);
        if (!sourceConfig.equals(trained.config()))
            throw new IllegalArgumentException("trained weights have config " + trained.config() + ", but " + source
                    + " holds " + sourceConfig);
        if (Files.isSameFile(source, Files.createDirectories(target)))
            throw new IllegalArgumentException("refusing to overwrite the source checkpoint " + source);
        List<Path> written = new ArrayList<>();
        trained.save(target, dtype);
        written.add(target.resolve("model.safetensors"));
        ObjectNode config = (ObjectNode) new ObjectMapper().readTree(source.resolve("config.json").toFile());
        config.put("torch_dtype", DecoderWeights.torchDtype(dtype));
        byte[] bytes = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(config);
        AtomicFile.write(target.resolve("config.json"), out -> out.write(bytes));
        written.add(target.resolve("config.json"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f) || name.equals("config.json") || name.endsWith(".safetensors")
                        || name.equals("model.safetensors.index.json") || name.startsWith(".")) continue;
                AtomicFile.write(target.resolve(name), out -> Files.copy(f, out));
                written.add(target.resolve(name));
            }
        }
        return written;
    }
}
