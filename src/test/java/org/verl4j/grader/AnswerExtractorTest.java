package org.verl4j.grader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ALGORITHM.md §9 extraction order; expected values worked by hand from the rules in the reference parser. */
class AnswerExtractorTest {

    private static Extraction extract(String response, String dataset) {
        return AnswerExtractor.extract(response, dataset);
    }

    @Test
    void minervaFinalAnswerComesBeforeABox() {
        Extraction e = extract("\\boxed{1}. Final Answer: The final answer is $42$. I hope it is correct.", "minerva_math");
        assertThat(e.raw()).isEqualTo("42");
        assertThat(e.branch()).isEqualTo("minerva_final_answer");
    }

    @Test
    void theLastBoxWinsOverAnswerIsText() {
        Extraction e = extract("The answer is 3. Wait: $\\boxed{4}$ and then prose 5.", null);
        assertThat(e.raw()).isEqualTo("4");
        assertThat(e.boxed()).isTrue();
    }

    @Test
    void anUnclosedBoxKeepsTheRestOfTheText() {
        assertThat(extract("So $\\boxed{\\frac{1}{90}", null).raw()).isEqualTo("\\frac{1}{90}");
    }

    @Test
    void answerIsTakesTheTextAfterTheLastTrigger() {
        Extraction e = extract("First the answer is 2, but the answer is 7.", null);
        assertThat(e.raw()).isEqualTo("7");
        assertThat(e.branch()).isEqualTo("he_answer_is");
    }

    @Test
    void finalAnswerIsWithoutAnswerIs() {
        assertThat(extract("My final answer is $75$.", null).raw()).isEqualTo("$75$");
    }

    @Test
    void chineseAnswerUsesTheLastOccurrenceUpToABlankLine() {
        Extraction e = extract("所以答案是164吗？不对。\n\n重新计算，答案是 163\n\n以上", null);
        assertThat(e.raw()).isEqualTo("163");
        assertThat(e.branch()).isEqualTo("chinese_answer_is");
    }

    @Test
    void otherwiseTheLastNumberWithCommasRemoved() {
        Extraction e = extract("She had 1,200 apples and ate -3.5 of them", null);
        assertThat(e.raw()).isEqualTo("-3.5");
        assertThat(e.branch()).isEqualTo("last_number");
        assertThat(extract("no digits here", null).raw()).isEmpty();
    }

    @Test
    void choiceDatasetsTakeTheLetter() {
        assertThat(extract("Among the options the answer is (B).", "aqua").raw()).isEqualTo("B");
        assertThat(extract("I think D is right", "sat_math").raw()).isEqualTo("D");
    }

    @Test
    void theKiStepMarkerIsIgnored() {
        assertThat(extract("so the answer is $\\boxed{16}$. ки", null).raw()).isEqualTo("16");
    }

    @Test
    void lineBreaksAndEdgePunctuationAreDropped() {
        assertThat(extract("The answer is: 12.", null).raw()).isEqualTo(" 12");
        assertThat(extract("\\boxed{1\n  + 2}", null).raw()).isEqualTo("1+ 2");
    }
}
