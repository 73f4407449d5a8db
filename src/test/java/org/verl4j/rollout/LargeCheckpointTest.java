package org.verl4j.rollout;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.model.Architecture;
import org.verl4j.model.ModelConfig;
import org.verl4j.model.WeightLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow (run with {@code mvn -Pslow test}; ~2.3 GB on disk, ~7 GB of memory): a synthetic float32 checkpoint past
 * ONNX's 2 GB protobuf limit is written, opened and sampled from end to end on CPU. Only the weights-as-inputs path
 * can run it (an initializer graph of this size cannot be serialized); the numerics of that path are checked on small
 * models by {@link RolloutEngineTest} and {@link RolloutConsistencyTest}, so here the claims are: it loads, it runs,
 * the statistics are well-formed, and batch composition does not change the tokens.
 */
@Tag("slow")
class LargeCheckpointTest {

    @TempDir
    Path tmp;

    @Test
    void aCheckpointPastTwoGigabytesRunsEndToEnd() throws IOException {
        // d 2048, d_ff 5632, 11 layers: 51.4 M parameters per layer, 565 M in all = 2.26 GB in float32
        ModelConfig c = new ModelConfig(Architecture.LLAMA, 2048, 5632, 11, 16, 16, 128, 1e-6, 10000.0, 16, false,
                false, false, 2048, -1, List.of(1), "float32");
        assertThat(WeightLayout.parameterCount(c) * 4).isGreaterThan(1L << 31);
        Path dir = TinyModels.write(tmp.resolve("large"), c, 9L);
        assertThat(Files.size(dir.resolve("model.safetensors"))).isGreaterThan(1L << 31);
        SamplingConfig s = new SamplingConfig(2, 1.0, 0.95, 0, 0, 4, 3L);
        List<Prompt> prompts = List.of(TinyModels.prompt("x", "1,2"), TinyModels.prompt("y", "345:"));
        try (RolloutEngine e = RolloutEngine.open(dir, EngineOptions.cpu(2))) {
            List<Rollout> together = e.generate(prompts, s);
            assertThat(together).hasSize(4);
            for (Rollout r : together) {
                assertThat(r.length()).isBetween(1, 4);
                for (int t = 0; t < r.length(); t++) {
                    assertThat(r.logProbs()[t]).isFinite().isLessThanOrEqualTo(0f);
                    assertThat((double) r.entropies()[t]).isBetween(0.0, Math.log(16) + 1e-5);
                }
            }
            List<Rollout> alone = e.generate(prompts.subList(1, 2), s);
            assertThat(alone.get(0).tokenIds()).isEqualTo(together.get(2).tokenIds());
            assertThat(alone.get(1).tokenIds()).isEqualTo(together.get(3).tokenIds());
        }
    }
}
