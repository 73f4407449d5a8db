package org.verl4j.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.graph.ElementType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ModelExportTest {

    @TempDir
    Path work;

    /** Fixed seed of every random weight in this class (a failure reproduces from it). */
    static final long SEED = 250519L;

    private final Random random = new Random(SEED);

    @Test
    void exportedGraphIsReusedForTheSameWeightsAndRebuiltWhenTheyChange() throws IOException {
        ModelConfig c = RandomDecoders.config(Architecture.LLAMA, 1, 1, 2, 2, false, false, 7);
        DecoderWeights w = RandomDecoders.weights(c, random);
        Path file = ModelExport.generation(work, w, ElementType.FLOAT, Set.of());
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(file, old);
        assertThat(ModelExport.generation(work, w, ElementType.FLOAT, Set.of())).isEqualTo(file);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);

        w.get(WeightLayout.FINAL_NORM)[0] += 1;                       // trained weights → a different graph
        ModelExport.generation(work, w, ElementType.FLOAT, Set.of());
        assertThat(Files.getLastModifiedTime(file)).isNotEqualTo(old);
        Files.setLastModifiedTime(file, old);
        ModelExport.generation(work, w, ElementType.FLOAT, Set.of(0));  // other captured layers → rebuilt
        assertThat(Files.getLastModifiedTime(file)).isNotEqualTo(old);
    }

    @Test
    void logProbGraphHasItsOwnFile() throws IOException {
        ModelConfig c = RandomDecoders.config(Architecture.QWEN2, 1, 1, 1, 2, true, false, 7);
        Path file = ModelExport.logProbs(work, RandomDecoders.weights(c, random), ElementType.FLOAT);
        assertThat(file.getFileName()).hasToString("logprobs.onnx");
        assertThat(work.resolve("logprobs.onnx.key")).exists();
    }
}
