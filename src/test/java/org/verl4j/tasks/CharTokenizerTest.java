package org.verl4j.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.testing.SharedDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CharTokenizerTest {

    /** Fixed seed of every random draw here (a failure reproduces with it). */
    static final long SEED = 16008L;

    @Test
    void readsTheArithSeqModelsVocabulary() throws IOException {
        Path model = SharedDir.require("models/arith-seq-llama-random");
        CharTokenizer tok = CharTokenizer.read(model);
        int vocabSize = new ObjectMapper().readTree(model.resolve("config.json").toFile()).get("vocab_size").asInt();
        assertThat(tok.vocabSize()).isEqualTo(vocabSize);       // 16 = 4 specials + "0123456789,:"
        assertThat(tok.characters()).isEqualTo(DigitCompletionTask.ALPHABET);
        // '0'..'9' → 4..13, ',' → 14, ':' → 15; the template appends S = 0
        assertThat(tok.encodePrompt("7,8:20,0")).containsExactly(11, 14, 12, 15, 6, 4, 14, 4, 0);
        assertThat(tok.decodeResponse(new int[]{5, 5, 14, 5, 6, CharTokenizer.EOS, 7, 7})).isEqualTo("11,12");
        assertThat(tok.decode(new int[]{0, 1, 2, 3, 4, 15})).isEqualTo("SEPU0:");
    }

    @Test
    void everyDigitCompletionProblemRoundTripsWithoutUnknowns() {
        Path model = SharedDir.require("models/arith-seq-llama-random");
        CharTokenizer tok = CharTokenizer.read(model.resolve("tokenizer_config.json"));
        Random rng = new Random(SEED);
        for (int level = 1; level <= 3; level++) {
            DigitCompletionTask task = DigitCompletionTask.level(level);
            for (int i = 0; i < 200; i++) {
                Problem p = task.sample(rng);
                assertThat(tok.encode(p.prompt() + p.answer())).doesNotContain(CharTokenizer.UNK);
                int[] response = tok.encode(p.answer() + "E");
                assertThat(tok.decodeResponse(response)).isEqualTo(p.answer());
            }
        }
    }

    @Test
    void unknownCharactersBecomeUAndBadIdsAreNamed() {
        CharTokenizer tok = CharTokenizer.of("01", 16);
        assertThat(tok.encode("0x1E")).containsExactly(4, CharTokenizer.UNK, 5, CharTokenizer.EOS);
        assertThatThrownBy(() -> tok.decode(new int[]{6})).hasMessageContaining("token id 6");
        assertThatThrownBy(() -> CharTokenizer.of("0E", 16)).hasMessageContaining("special token");
        assertThatThrownBy(() -> CharTokenizer.of("00", 16)).hasMessageContaining("appears twice");
    }

    @Test
    void writtenConfigReadsBackToTheSameVocabulary(@TempDir Path dir) throws IOException {
        CharTokenizer tok = CharTokenizer.of(ArithmeticTask.ALPHABET, 256);
        Files.writeString(dir.resolve("tokenizer_config.json"), tok.configJson());
        CharTokenizer back = CharTokenizer.read(dir);
        assertThat(back.characters()).isEqualTo(ArithmeticTask.ALPHABET);
        assertThat(back.modelMaxLength()).isEqualTo(256);
    }

    @Test
    void aConfigWithoutCharOrdsIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("tokenizer_config.json");
        Files.writeString(f, "{\"model_max_length\": 8}");
        assertThatThrownBy(() -> CharTokenizer.read(f)).hasMessageContaining(f.toString()).hasMessageContaining("char_ords");
    }
}
