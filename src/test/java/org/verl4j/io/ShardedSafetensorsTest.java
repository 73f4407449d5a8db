package org.verl4j.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardedSafetensorsTest {

    @TempDir
    Path dir;

    private void writeShards() throws IOException {
        SafetensorsWriter.write(dir.resolve("model-00001-of-00002.safetensors"), List.of(
                NamedTensor.ofFloats("a", DType.F32, new long[]{2}, new float[]{1, 2}),
                NamedTensor.ofFloats("b", DType.BF16, new long[]{1}, new float[]{3})), Map.of("format", "pt"));
        SafetensorsWriter.write(dir.resolve("model-00002-of-00002.safetensors"), List.of(
                NamedTensor.ofFloats("c", DType.F16, new long[]{1, 1}, new float[]{4})), Map.of("format", "pt"));
    }

    private void writeIndex(String weightMap) throws IOException {
        Files.writeString(dir.resolve(ShardedSafetensors.INDEX),
                "{\"metadata\": {\"total_size\": 14}, \"weight_map\": {" + weightMap + "}}");
    }

    @Test
    void routesEachNameToItsShard() throws IOException {
        writeShards();
        writeIndex("\"a\": \"model-00001-of-00002.safetensors\", \"c\": \"model-00002-of-00002.safetensors\","
                + " \"b\": \"model-00001-of-00002.safetensors\"");
        try (ShardedSafetensors ckpt = ShardedSafetensors.open(dir)) {
            assertThat(ckpt.names()).containsExactly("a", "c", "b");
            assertThat(ckpt.shards()).hasSize(2);
            assertThat(ckpt.readFloats("a")).containsExactly(1f, 2f);
            assertThat(ckpt.readDoubles("b")).containsExactly(3.0);
            assertThat(ckpt.readFloats("c")).containsExactly(4f);
            assertThat(ckpt.describe("c")).endsWith("model-00002-of-00002.safetensors");
            assertThat(ckpt.metadata()).containsEntry("total_size", "14");
            assertThatThrownBy(() -> ckpt.info("d")).hasMessageContaining("\"d\"");
        }
    }

    @Test
    void aMissingShardIsNamed() throws IOException {
        writeShards();
        writeIndex("\"a\": \"model-00001-of-00002.safetensors\", \"z\": \"model-00003-of-00003.safetensors\"");
        assertThatThrownBy(() -> ShardedSafetensors.open(dir)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("model-00003-of-00003.safetensors").hasMessageContaining("\"z\"");
    }

    @Test
    void aTensorAbsentFromItsShardIsNamed() throws IOException {
        writeShards();
        writeIndex("\"c\": \"model-00001-of-00002.safetensors\"");
        assertThatThrownBy(() -> ShardedSafetensors.open(dir)).hasMessageContaining("\"c\"")
                .hasMessageContaining("model-00001-of-00002.safetensors");
    }

    @Test
    void aDirectoryWithOneFileOrNothing() throws IOException {
        assertThatThrownBy(() -> ShardedSafetensors.open(dir)).hasMessageContaining(ShardedSafetensors.SINGLE);
        SafetensorsWriter.write(dir.resolve(ShardedSafetensors.SINGLE),
                List.of(NamedTensor.ofFloats("w", DType.F32, new long[]{1}, new float[]{5})), Map.of("format", "pt"));
        try (ShardedSafetensors ckpt = ShardedSafetensors.open(dir)) {
            assertThat(ckpt.names()).containsExactly("w");
            assertThat(ckpt.metadata()).containsEntry("format", "pt");
        }
    }
}
