package org.verl4j.sft;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.HostTensor;
import org.verl4j.model.DecoderForward;
import org.verl4j.model.GenerationGraph;
import org.verl4j.tasks.CharTokenizer;
import org.verl4j.tasks.Problem;
import org.verl4j.trainstep.TrainStepGraph;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The micro-batch layout, written out by hand for two examples of different prompt and response lengths. */
class SftBatchTest {

    private final CharTokenizer tokenizer = CharTokenizer.of("0123456789+=", 64);   // '0' = 4 … '9' = 13, '+' 14, '=' 15

    @Test
    void anExampleIsPromptThenSeparatorAndSolutionThenEos() {
        SftExample e = SftExample.of(new Problem("p", "arithmetic", 1, "1+2", "3", "=3"), tokenizer);
        assertThat(e.prompt()).containsExactly(5, 14, 6, CharTokenizer.SEP);
        assertThat(e.response()).containsExactly(15, 7, CharTokenizer.EOS);
    }

    @Test
    void aCharacterOutsideTheVocabularyIsAnErrorNamingTheProblem() {
        assertThatThrownBy(() -> SftExample.of(new Problem("p7", "arithmetic", 1, "1*2", "2", "=2"), tokenizer))
                .hasMessageContaining("p7").hasMessageContaining("'*'");
    }

    @Test
    void promptsAreLeftPaddedResponsesRightPaddedPositionsCountRealTokens() {
        SftExample a = new SftExample("a", new int[]{5, 0}, new int[]{6, 7, 1});          // P 2, R 3
        SftExample b = new SftExample("b", new int[]{8, 9, 10, 0}, new int[]{11, 1});     // P 4, R 2
        Map<String, HostTensor> f = SftBatch.feed(List.of(a, b), 2);
        assertThat(f.get(DecoderForward.PROMPTS).shape()).containsExactly(2, 4);
        assertThat(f.get(DecoderForward.PROMPTS).longs()).containsExactly(2, 2, 5, 0, 8, 9, 10, 0);
        assertThat(f.get(TrainStepGraph.RESPONSES).longs()).containsExactly(6, 7, 1, 11, 1, 2);
        assertThat(f.get(GenerationGraph.MASK).longs()).containsExactly(
                0, 0, 1, 1, 1, 1, 1,
                1, 1, 1, 1, 1, 1, 0);
        assertThat(f.get(GenerationGraph.POSITIONS).longs()).containsExactly(
                1, 1, 0, 1, 2, 3, 4,
                0, 1, 2, 3, 4, 5, 1);
        assertThat(f.get(TrainStepGraph.MASK).booleans()).containsExactly(true, true, true, true, true, false);
    }

    @Test
    void anEmptyBatchIsRefused() {
        assertThatThrownBy(() -> SftBatch.feed(List.of(), 2)).hasMessageContaining("at least one example");
    }
}
