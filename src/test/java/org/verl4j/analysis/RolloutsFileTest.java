package org.verl4j.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.io.DType;
import org.verl4j.io.NpyWriter;
import org.verl4j.rank.RankOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RolloutsFileTest {

    @TempDir
    Path dir;

    @Test
    void hiddenStatesAreFoundUnderGeneratesSanitisedName() throws IOException {
        // 3 rows of an exact rank-1 direction around a mean: centred, two equal-magnitude rows and zero → ER = 1
        double[] z = {1, 2, 3, 3, 2, 1, 5, 2, -1};                  // rows r0, r1, r2 with r0 + r2 = 2·r1
        NpyWriter.writeDoubles(dir.resolve("gsm8k_12_a-3.npy"), DType.F32, new long[]{3, 3}, z);
        Path file = dir.resolve("r.jsonl");
        Files.writeString(file, "{\"id\":\"gsm8k/12 a\",\"sample\":3,\"token_ids\":[4,5,4],\"logprobs\":[-1,-2,-3]}\n");
        List<ResponseMetrics> r = RolloutsFile.read(file, dir, RankOptions.DEFAULTS);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).er()).isCloseTo(1.0, within(1e-6));     // one non-zero singular value (float32 input)
        assertThat(r.get(0).ervMeasured()).isFalse();               // T = 3 < 2·40 + 1
        assertThat(r.get(0).avgLogProb()).isEqualTo(-2.0);
        assertThat(r.get(0).unigramEntropy()).isCloseTo(-(2 / 3.0) * Math.log(2 / 3.0) - (1 / 3.0) * Math.log(1 / 3.0), within(1e-15));
    }

    @Test
    void aMissingFileOrEmptyInputIsNamed() throws IOException {
        Path file = dir.resolve("r.jsonl");
        Files.writeString(file, "{\"id\":\"a\",\"sample\":0,\"token_ids\":[4],\"logprobs\":[-1]}\n");
        assertThatThrownBy(() -> RolloutsFile.read(file, dir, RankOptions.DEFAULTS))
                .hasMessageContaining(file + " line 1").hasMessageContaining("a-0.npy not found");
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> RolloutsFile.read(file, null, RankOptions.DEFAULTS)).hasMessageContaining("no responses");
    }
}
