package org.verl4j.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.io.DType;
import org.verl4j.io.NamedTensor;
import org.verl4j.io.SafetensorsWriter;
import org.verl4j.testing.SharedDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecoderWeightsTest {

    /** Fixed seed of every random draw here (a failure reproduces with it). */
    static final long SEED = 253399L;

    @TempDir
    Path dir;

    private final Random random = new Random(SEED);

    @Test
    void loadsEveryTensorOfTheSharedLlamaCheckpoint() throws IOException {
        DecoderWeights w = DecoderWeights.load(SharedDir.require("models/arith-seq-llama-random"));
        assertThat(w.tensors()).hasSize(2 + 4 * 9 + 1);
        assertThat(w.get("model.layers.3.mlp.down_proj.weight")).hasSize(128 * 344);
        assertThat(w.lmHead()).isNotSameAs(w.get(WeightLayout.EMBED));
        assertThat(WeightLayout.parameterCount(w.config())).isEqualTo(795_776L);       // 2·16·128 + 4·(2·128 + 4·128² + 3·344·128) + 128
    }

    @Test
    void savedWeightsLoadBackBitForBitInF32AndTiedHeadSharesTheEmbedding() throws IOException {
        ModelConfig c = RandomDecoders.config(Architecture.QWEN2, 2, 2, 2, 4, true, false, 13);
        DecoderWeights w = RandomDecoders.weights(c, random);
        w.save(dir, DType.F32);
        DecoderWeights back = DecoderWeights.load(dir);
        assertThat(back.config()).isEqualTo(c);
        for (String name : w.tensors().keySet()) assertThat(back.get(name)).as(name).isEqualTo(w.get(name));
        assertThat(back.lmHead()).isSameAs(back.get(WeightLayout.EMBED));
    }

    @Test
    void bf16CheckpointSavedAsBf16IsUnchanged() throws IOException {
        DecoderWeights w = DecoderWeights.load(SharedDir.require("models/arith-seq-llama-random"));
        w.save(dir, DType.BF16);
        DecoderWeights back = DecoderWeights.load(dir);
        assertThat(back.config()).isEqualTo(w.config());
        for (String name : w.tensors().keySet()) assertThat(back.get(name)).as(name).isEqualTo(w.get(name));
    }

    @Test
    void shardedCheckpointLoadsLikeTheSingleFile() throws IOException {
        ModelConfig c = RandomDecoders.config(Architecture.QWEN2, 2, 1, 2, 2, false, false, 7);
        DecoderWeights w = RandomDecoders.weights(c, random);
        w.save(dir, DType.F32);
        Files.delete(dir.resolve("model.safetensors"));
        List<NamedTensor> first = new ArrayList<>(), second = new ArrayList<>();
        StringBuilder index = new StringBuilder("{\"metadata\": {}, \"weight_map\": {");
        int k = 0;
        for (WeightSpec spec : WeightLayout.of(c)) {
            long[] shape = java.util.Arrays.stream(spec.shape()).asLongStream().toArray();
            String shard = k % 2 == 0 ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors";
            (k % 2 == 0 ? first : second).add(NamedTensor.ofFloats(spec.name(), DType.BF16, shape, w.get(spec.name())));
            index.append(k++ == 0 ? "" : ", ").append('"').append(spec.name()).append("\": \"").append(shard).append('"');
        }
        SafetensorsWriter.write(dir.resolve("model-00001-of-00002.safetensors"), first, Map.of());
        SafetensorsWriter.write(dir.resolve("model-00002-of-00002.safetensors"), second, Map.of());
        Files.writeString(dir.resolve("model.safetensors.index.json"), index.append("}}").toString());
        DecoderWeights back = DecoderWeights.load(dir);
        for (String name : w.tensors().keySet()) {
            float[] expected = w.get(name), actual = back.get(name);
            for (int i = 0; i < expected.length; i++)                   // BF16 keeps 8 significant bits
                assertThat(actual[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(Math.abs(expected[i]) / 128 + 1e-30f));
        }
    }

    @Test
    void flattenAndUnflattenAreInverse() {
        ModelConfig c = RandomDecoders.config(Architecture.LLAMA, 1, 1, 3, 2, false, true, 5);
        DecoderWeights w = RandomDecoders.weights(c, random);
        DecoderWeights back = DecoderWeights.unflatten(c, w.flatten());
        for (String name : w.tensors().keySet()) assertThat(back.get(name)).isEqualTo(w.get(name));
        float[] flat = w.flatten();
        double[] wide = new double[flat.length];
        for (int i = 0; i < flat.length; i++) wide[i] = flat[i];
        assertThat(DecoderWeights.unflatten(c, wide).flatten()).isEqualTo(flat);
        assertThatThrownBy(() -> DecoderWeights.unflatten(c, new float[3])).hasMessageContaining("flat buffer has 3 values");
    }

    @Test
    void notAModelDirectory() throws IOException {
        assertThatThrownBy(() -> DecoderWeights.load(dir)).hasMessageContaining("not a model directory")
                .hasMessageContaining("config.json");
        RandomDecoders.weights(RandomDecoders.config(Architecture.LLAMA, 1, 1, 1, 2, false, false, 5), random).save(dir, DType.F32);
        Files.delete(dir.resolve("model.safetensors"));
        assertThatThrownBy(() -> DecoderWeights.load(dir)).hasMessageContaining("not a model directory")
                .hasMessageContaining("model.safetensors");
    }

    @Test
    void missingTensorIsNamed() throws IOException {
        ModelConfig c = RandomDecoders.config(Architecture.LLAMA, 2, 1, 2, 2, false, false, 5);
        RandomDecoders.weights(c, random).save(dir, DType.F32);
        ModelConfig threeLayers = new ModelConfig(c.architecture(), c.hiddenSize(), c.intermediateSize(), 3, c.numHeads(),
                c.numKvHeads(), c.headDim(), c.rmsNormEps(), c.ropeTheta(), c.vocabSize(), false, false, false,
                c.maxPositionEmbeddings(), -1, c.eosTokenIds(), "float32");
        Files.writeString(dir.resolve("config.json"), threeLayers.toJson().toString());
        assertThatThrownBy(() -> DecoderWeights.load(dir)).hasMessageContaining(dir.toString())
                .hasMessageContaining("model.layers.2.input_layernorm.weight").hasMessageContaining("missing");
    }

    @Test
    void misShapedTensorIsNamedWithItsFileAndBothShapes() throws IOException {
        ModelConfig c = RandomDecoders.config(Architecture.LLAMA, 1, 1, 2, 2, false, false, 5);
        RandomDecoders.weights(c, random).save(dir, DType.F32);
        ModelConfig widerFf = new ModelConfig(c.architecture(), c.hiddenSize(), c.intermediateSize() + 1, 1, c.numHeads(),
                c.numKvHeads(), c.headDim(), c.rmsNormEps(), c.ropeTheta(), c.vocabSize(), false, false, false,
                c.maxPositionEmbeddings(), -1, c.eosTokenIds(), "float32");
        Files.writeString(dir.resolve("config.json"), widerFf.toJson().toString());
        assertThatThrownBy(() -> DecoderWeights.load(dir)).hasMessageContaining("model.safetensors")
                .hasMessageContaining("model.layers.0.mlp.gate_proj.weight").hasMessageContaining("expected");
    }

    @Test
    void truncatedWeightsFileIsNamed() throws IOException {
        RandomDecoders.weights(RandomDecoders.config(Architecture.LLAMA, 1, 1, 1, 2, false, false, 5), random).save(dir, DType.F32);
        Path file = dir.resolve("model.safetensors");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 10);
        }
        assertThatThrownBy(() -> DecoderWeights.load(dir)).hasMessageContaining("model.safetensors")
                .hasMessageContaining("truncated");
    }

    @Test
    void ofRejectsMissingAndMisSizedTensors() {
        ModelConfig c = RandomDecoders.config(Architecture.LLAMA, 1, 1, 1, 2, true, false, 5);
        Map<String, float[]> tensors = new LinkedHashMap<>(RandomDecoders.weights(c, random).tensors());
        tensors.put(WeightLayout.FINAL_NORM, new float[1]);
        assertThatThrownBy(() -> DecoderWeights.of(c, tensors)).hasMessageContaining(WeightLayout.FINAL_NORM);
        tensors.remove(WeightLayout.FINAL_NORM);
        assertThatThrownBy(() -> DecoderWeights.of(c, tensors)).hasMessageContaining("missing").hasMessageContaining(WeightLayout.FINAL_NORM);
    }
}
