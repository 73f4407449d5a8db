package org.verl4j.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.verl4j.testing.SharedDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokenizers against the reference library's output and the shared model's char vocabulary. */
class TokenizerTest {

    @Test
    void qwenTokenizerReproducesEveryGoldenLine() throws IOException {
        // golden.jsonl: ids and decoded text from Hugging Face tokenizers (see ../shared/tokenizers/qwen3)
        Path dir = SharedDir.require("tokenizers/qwen3");
        List<String> lines = Files.readAllLines(dir.resolve("golden.jsonl"));
        ObjectMapper json = new ObjectMapper();
        try (Tokenizer t = HfTokenizer.load(dir.resolve("tokenizer.json"), null)) {
            for (String line : lines) {
                JsonNode g = json.readTree(line);
                int[] expected = new int[g.get("ids").size()];
                for (int i = 0; i < expected.length; i++) expected[i] = g.get("ids").get(i).asInt();
                assertThat(t.encode(g.get("text").asText())).as(line).containsExactly(expected);
                assertThat(t.decode(expected)).as(line).isEqualTo(g.get("decoded").asText());
            }
            assertThat(t.eosIds()).contains(t.encode("<|im_end|>")[0]);
            assertThat(t.encode("7 ".repeat(2000))).as("no 512-token truncation").hasSizeGreaterThan(2000);
            assertThat(t.chatTemplate().render("hi")).isEqualTo("<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n");
        }
    }

    @Test
    void charModelUsesTheCharOrdsLayoutAndItsConfigsEos() {
        Path dir = SharedDir.require("models/arith-seq-llama-random");
        try (Tokenizer t = Tokenizer.forModel(dir)) {
            assertThat(t.encode("0,9:")).containsExactly(4, 14, 13, 15);
            assertThat(t.decode(new int[]{4, 14, 1, 2})).isEqualTo("0,EP");
            assertThat(t.eosIds()).containsExactly(1);
            assertThat(PromptFormat.CHAT.render("12", t)).isEqualTo("12S");
            assertThat(t.encode(PromptFormat.CHAT.render("12", t))).containsExactly(5, 6, 0);
        }
    }

    @Test
    void unsupportedChatTemplatesAreRefusedByName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChatTemplate.recognise("{{ bos_token }}[INST]", "x.json"))
                .hasMessageContaining("x.json").hasMessageContaining("unsupported chat_template");
        assertThat(ChatTemplate.recognise("{%- else %}{{- '<|im_start|>system\\nYou are Qwen.<|im_end|>\\n' }}"
                + "{%- if add_generation_prompt %}", "q").defaultSystem()).isEqualTo("You are Qwen.");
    }
}
