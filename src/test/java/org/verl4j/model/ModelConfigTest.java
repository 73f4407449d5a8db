package org.verl4j.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.testing.SharedDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelConfigTest {

    @TempDir
    Path dir;

    private static final String QWEN2 = """
            {"architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2", "hidden_size": 64,
             "intermediate_size": 176, "num_hidden_layers": 2, "num_attention_heads": 8, "num_key_value_heads": 2,
             "rms_norm_eps": 1e-6, "rope_theta": 1000000.0, "vocab_size": 100, "tie_word_embeddings": true,
             "max_position_embeddings": 4096, "bos_token_id": 5, "eos_token_id": [6, 7],
             "use_sliding_window": false, "sliding_window": 4096, "torch_dtype": "bfloat16", "rope_scaling": null}
            """;

    @Test
    void readsTheSharedLlamaCheckpointConfig() throws IOException {
        ModelConfig c = ModelConfig.read(SharedDir.require("models/arith-seq-llama-random"));
        assertThat(c).isEqualTo(new ModelConfig(Architecture.LLAMA, 128, 344, 4, 4, 4, 32, 1e-6, 10000.0, 16, false,
                false, false, 2048, -1, List.of(1), "bfloat16"));
    }

    @Test
    void qwen2HasQkvBiasesButNoOutputBiasAndHeadDimDefaultsToDOverH() throws IOException {
        ModelConfig c = parse(QWEN2);
        assertThat(c.architecture()).isEqualTo(Architecture.QWEN2);
        assertThat(c.qkvBias()).isTrue();
        assertThat(c.outputBias()).isFalse();
        assertThat(c.headDim()).isEqualTo(8);
        assertThat(c.groupSize()).isEqualTo(4);
        assertThat(c.eosTokenIds()).containsExactly(6, 7);
        assertThat(c.tieWordEmbeddings()).isTrue();
    }

    @Test
    void toJsonReadsBackAsTheSameConfig() throws IOException {
        ModelConfig c = parse(QWEN2);
        assertThat(parse(c.toJson().toString())).isEqualTo(c);
    }

    @Test
    void unsupportedArchitectureIsNamedWithTheFile() {
        assertThatThrownBy(() -> parse(QWEN2.replace("Qwen2ForCausalLM", "GPT2LMHeadModel")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config.json").hasMessageContaining("GPT2LMHeadModel")
                .hasMessageContaining("LlamaForCausalLM");
    }

    @Test
    void ropeScalingOtherThanDefaultIsRefused() {
        assertThatThrownBy(() -> parse(QWEN2.replace("\"rope_scaling\": null", "\"rope_scaling\": {\"type\": \"linear\", \"factor\": 2.0}")))
                .hasMessageContaining("config.json").hasMessageContaining("rope_scaling").hasMessageContaining("linear");
    }

    @Test
    void missingIllTypedAndInconsistentKeysAreNamed() {
        assertThatThrownBy(() -> parse(QWEN2.replace("\"hidden_size\": 64,", "")))
                .hasMessageContaining("config.json").hasMessageContaining("hidden_size");
        assertThatThrownBy(() -> parse(QWEN2.replace("\"vocab_size\": 100", "\"vocab_size\": \"100\"")))
                .hasMessageContaining("vocab_size");
        assertThatThrownBy(() -> parse(QWEN2.replace("\"num_key_value_heads\": 2", "\"num_key_value_heads\": 3")))
                .hasMessageContaining("config.json").hasMessageContaining("num_key_value_heads");
        assertThatThrownBy(() -> parse(QWEN2.replace("\"use_sliding_window\": false", "\"use_sliding_window\": true")))
                .hasMessageContaining("use_sliding_window");
    }

    @Test
    void aDirectoryWithoutConfigIsNotAModel() {
        assertThatThrownBy(() -> ModelConfig.read(dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no config.json");
    }

    private ModelConfig parse(String json) throws IOException {
        Files.writeString(dir.resolve("config.json"), json);
        return ModelConfig.read(dir);
    }
}
