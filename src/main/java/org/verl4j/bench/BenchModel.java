package org.verl4j.bench;

import org.verl4j.model.Architecture;
import org.verl4j.model.DecoderWeights;
import org.verl4j.model.ModelConfig;
import org.verl4j.model.RandomWeights;
import org.verl4j.model.WeightLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The decoder a benchmark runs ({@code --model tiny|25m|DIR}) and the PyTorch anchors measured for it on this machine
 * kind ({@link Anchor}, from {@code docs/PERFORMANCE.md}: PyTorch 1.13 eager, float32, OpenBLAS, 2 threads):
 * <pre>
 *   tiny: hidden 128, intermediate 344, 4 layers, 4 heads, vocab 16 (0.8 M params), random weights — the shape of
 *         verl's arith-seq-llama-random, which the anchor ran
 *   25m : hidden 512, intermediate 1376, 8 layers, 8 heads, vocab 512, untied (25.8 M params), random weights
 * </pre>
 * Random weights come from {@link RandomWeights} with a fixed seed (speed does not depend on the values). A
 * directory has no anchors.
 */
public record BenchModel(String label, DecoderWeights weights, Optional<Anchors> anchors) {

    /**
     * @param trainS    PPO train step at B 32 × S 128 tokens, seconds
     * @param sampleB1  sampling with a KV cache, prompt 8 + 64 new tokens, new tokens per second at batch 1
     * @param sampleBig the same at batch 512
     */
    public record Anchors(double trainS, double sampleB1, double sampleBig) {
    }

    public static BenchModel resolve(String model) {
        return switch (model) {
            case "tiny" -> new BenchModel("tiny (random)", RandomWeights.of(config(128, 344, 4, 4, 16), new Random(3)),
                    Optional.of(new Anchors(Anchor.TRAIN_TINY.value(), Anchor.SAMPLE_TINY_B1.value(), Anchor.SAMPLE_TINY_B512.value())));
            case "25m" -> new BenchModel("25m (random)", RandomWeights.of(config(512, 1376, 8, 8, 512), new Random(3)),
                    Optional.of(new Anchors(Anchor.TRAIN_25M.value(), Anchor.SAMPLE_25M_B1.value(), Anchor.SAMPLE_25M_B512.value())));
            default -> new BenchModel(model, load(Path.of(model)), Optional.empty());
        };
    }

    /** Parameter count N. */
    public long parameters() {
        return WeightLayout.parameterCount(weights.config());
    }
    private static ModelConfig config(int hidden, int intermediate, int layers, int heads, int vocab) {
        return new ModelConfig(Architecture.LLAMA, hidden, intermediate, layers, heads, heads, hidden / heads, 1e-6,
                10000.0, vocab, false, false, false, 2048, -1, List.of(1), "float32");
    }

    private static DecoderWeights load(Path dir) {
        if (!Files.isDirectory(dir))
            throw new IllegalArgumentException("--model must be tiny, 25m or a model directory; " + dir + " is none");
        try {
            return DecoderWeights.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model in " + dir + ": " + e.getMessage(), e);
        }
    }
}
