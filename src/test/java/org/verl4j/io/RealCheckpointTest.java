package org.verl4j.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.testing.SharedDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bf16 Llama checkpoint in ../shared/models/arith-seq-llama-random (written by PyTorch/safetensors): its tensors
 * have the shapes config.json implies, decode exactly, and re-encode to the very same bytes.
 */
class RealCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void llamaTensorsHaveTheShapesOfTheConfigAndRoundTripBitExactly() throws IOException {
        Path weights = SharedDir.require("models/arith-seq-llama-random/model.safetensors");
        JsonNode config = new ObjectMapper().readTree(weights.resolveSibling("config.json").toFile());
        long hidden = config.get("hidden_size").asLong(), vocab = config.get("vocab_size").asLong();
        long inter = config.get("intermediate_size").asLong(), heads = config.get("num_attention_heads").asLong();
        long kvHeads = config.get("num_key_value_heads").asLong(), headDim = hidden / heads;
        int layers = config.get("num_hidden_layers").asInt();

        try (SafetensorsFile f = SafetensorsFile.open(weights)) {
            assertThat(f.metadata()).containsEntry("format", "pt");
            assertThat(f.names()).hasSize(3 + 9 * layers);
            f.requireShape("model.embed_tokens.weight", vocab, hidden);
            f.requireShape("lm_head.weight", vocab, hidden);
            f.requireShape("model.norm.weight", hidden);
            for (int l = 0; l < layers; l++) {
                String p = "model.layers." + l + ".";
                f.requireShape(p + "self_attn.q_proj.weight", heads * headDim, hidden);
                f.requireShape(p + "self_attn.k_proj.weight", kvHeads * headDim, hidden);
                f.requireShape(p + "self_attn.v_proj.weight", kvHeads * headDim, hidden);
                f.requireShape(p + "self_attn.o_proj.weight", hidden, heads * headDim);
                f.requireShape(p + "mlp.gate_proj.weight", inter, hidden);
                f.requireShape(p + "mlp.up_proj.weight", inter, hidden);
                f.requireShape(p + "mlp.down_proj.weight", hidden, inter);
                f.requireShape(p + "input_layernorm.weight", hidden);
                f.requireShape(p + "post_attention_layernorm.weight", hidden);
            }
            List<NamedTensor> copy = new ArrayList<>();
            for (String name : f.names()) {
                TensorInfo info = f.info(name);
                assertThat(info.dtype()).isEqualTo(DType.BF16);
                float[] values = f.readFloats(name);
                for (float v : values) {
                    assertThat(v).isFinite();
                    assertThat(Float.floatToRawIntBits(v) & 0xffff).as(name + " decodes exactly").isZero();
                }
                copy.add(NamedTensor.ofFloats(name, DType.BF16, info.shape(), values));
            }
            Path rewritten = dir.resolve("model.safetensors");
            SafetensorsWriter.write(rewritten, copy, f.metadata());
            try (SafetensorsFile g = SafetensorsFile.open(rewritten)) {
                assertThat(g.names()).containsExactlyElementsOf(f.names());
                for (String name : f.names()) {
                    ByteBuffer original = f.readBytes(name), again = g.readBytes(name);
                    assertThat(again).as(name).isEqualTo(original);
                }
            }
        }
        try (ShardedSafetensors ckpt = ShardedSafetensors.open(weights.getParent())) {
            assertThat(ckpt.names()).hasSize(3 + 9 * layers);
            assertThat(ckpt.readDoubles("model.norm.weight")).hasSize((int) hidden);
        }
    }
}
