package org.verl4j.model;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.OnnxWriter;
import org.verl4j.io.AtomicFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Exports a decoder's inference graphs into a model working directory and reuses them across runs:
 * {@code generation.onnx} and {@code logprobs.onnx}, each beside a {@code .key} file holding the SHA-256 of what
 * the graph was built from (graph version, config, element type, captured layers, every weight's bits). A graph
 * whose key matches is reused as it is; otherwise it is rebuilt. Both files are written atomically, the key last.
 */
public final class ModelExport {

    /** Bumped whenever the graphs this code builds change, so stale exports are rebuilt. */
    static final int GRAPH_VERSION = 1;

    private ModelExport() {
    }

    /** {@code workDir/generation.onnx} for {@code weights}, built only when absent or stale. */
    public static Path generation(Path workDir, DecoderWeights weights, ElementType type, Set<Integer> capturedLayers)
            throws IOException {
        String key = key("generation", weights, type, new TreeSet<>(capturedLayers).toString());
        return ensure(workDir.resolve("generation.onnx"), key,
                () -> GenerationGraph.generation(weights, type, capturedLayers));
    }

    /** {@code workDir/logprobs.onnx} for {@code weights}, built only when absent or stale. */
    public static Path logProbs(Path workDir, DecoderWeights weights, ElementType type) throws IOException {
        return ensure(workDir.resolve("logprobs.onnx"), key("logprobs", weights, type, ""),
                () -> GenerationGraph.logProbs(weights, type));
    }

    /** True when {@code file} exists with a key file equal to {@code key}. */
    static boolean isCurrent(Path file, String key) throws IOException {
        Path keyFile = keyFile(file);
        return Files.isRegularFile(file) && Files.isRegularFile(keyFile) && Files.readString(keyFile).equals(key);
    }

    private static Path ensure(Path file, String key, Supplier<GraphBuilder.Graph> build) throws IOException {
        if (isCurrent(file, key)) return file;
        OnnxWriter.write(build.get(), file);
        AtomicFile.write(keyFile(file), out -> out.write(key.getBytes(StandardCharsets.UTF_8)));
        return file;
    }

    private static Path keyFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".key");
    }

    static String key(String kind, DecoderWeights weights, ElementType type, String options) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        String head = kind + "\n" + GRAPH_VERSION + "\n" + type + "\n" + options + "\n" + weights.config().toJson() + "\n";
        sha.update(head.getBytes(StandardCharsets.UTF_8));
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] tensor : weights.tensors().values()) {
            for (float v : tensor) {
                if (buffer.remaining() < 4) {
                    sha.update(buffer.flip());
                    buffer.clear();
                }
                buffer.putFloat(v);
            }
        }
        sha.update(buffer.flip());
        return HexFormat.of().formatHex(sha.digest());
    }
}
