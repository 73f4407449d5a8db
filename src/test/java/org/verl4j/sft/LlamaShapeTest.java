package org.verl4j.sft;

import org.junit.jupiter.api.Test;
import org.verl4j.model.DecoderWeights;
import org.verl4j.model.ModelConfig;
import org.verl4j.tasks.ArithmeticTask;
import org.verl4j.tasks.CharTokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LlamaShapeTest {

    private final CharTokenizer tokenizer = CharTokenizer.of(ArithmeticTask.ALPHABET, 2048);

    @Test
    void theTinyShapeIsTheConfigOfVerlsCharLlama() {
        ModelConfig c = LlamaShape.TINY.config(tokenizer);
        assertThat(c.hiddenSize()).isEqualTo(128);
        assertThat(c.headDim()).isEqualTo(32);
        assertThat(c.vocabSize()).isEqualTo(29);
        assertThat(c.eosTokenIds()).containsExactly(CharTokenizer.EOS);
        assertThat(c.tieWordEmbeddings()).isFalse();
    }

    @Test
    void initialisationIsHuggingFacesAndSeeded() {
        ModelConfig c = LlamaShape.TINY.config(tokenizer);
        DecoderWeights w = LlamaShape.initialise(c, 1);
        double sum = 0, squares = 0;
        long n = 0;
        for (var e : w.tensors().entrySet()) {
            if (e.getKey().endsWith("norm.weight")) {
                for (float v : e.getValue()) assertThat(v).isEqualTo(1f);
                continue;
            }
            for (float v : e.getValue()) {
                sum += v;
                squares += (double) v * v;
                n++;
            }
        }
        double mean = sum / n, std = Math.sqrt(squares / n - mean * mean);
        // ~8e5 draws of N(0, 0.02²): the sample std's own std is 0.02/√(2n) ≈ 1.6e-5, the mean's 2.2e-5
        assertThat(std).isCloseTo(LlamaShape.INIT_STD, within(2e-4));
        assertThat(mean).isCloseTo(0, within(2e-4));
        assertThat(LlamaShape.initialise(c, 1).flatten()).isEqualTo(w.flatten());
        assertThat(LlamaShape.initialise(c, 2).flatten()).isNotEqualTo(w.flatten());
    }

    @Test
    void aShapeWithoutAnEvenIntegerHeadDimIsRefused() {
        assertThatThrownBy(() -> new LlamaShape(100, 2, 3, 64)).hasMessageContaining("multiple of 2 × heads");
        assertThatThrownBy(() -> new LlamaShape(16, 0, 2, 8)).hasMessageContaining("≥ 1");
    }

    @Test
    void aTokenizerOfAnotherVocabularyDoesNotFitTheModel() {
        DecoderWeights w = LlamaShape.initialise(new LlamaShape(8, 1, 2, 8).config(tokenizer), 1);
        assertThatThrownBy(() -> new CharModelDirectory(w, CharTokenizer.of("0123456789,:", 2048)))
                .hasMessageContaining("vocab_size 29").hasMessageContaining("16");
    }
}
