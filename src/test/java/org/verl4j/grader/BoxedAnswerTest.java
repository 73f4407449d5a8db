package org.verl4j.grader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoxedAnswerTest {

    @Test
    void takesTheLastBox() {
        assertThat(BoxedAnswer.lastBoxed("first \\boxed{1}, then \\boxed{2}.")).contains("2");
    }

    @Test
    void keepsNestedBraces() {
        assertThat(BoxedAnswer.lastBoxed("so $\\boxed{\\frac{1}{\\sqrt{2}}}$")).contains("\\frac{1}{\\sqrt{2}}");
    }

    @Test
    void readsFbox() {
        assertThat(BoxedAnswer.lastBoxed("\\fbox{7}")).contains("7");
    }

    @Test
    void readsTheBracelessFormUpToTheNextDollar() {
        assertThat(BoxedAnswer.lastBoxed("$\\boxed 5$ done")).contains("5");
    }

    @Test
    void anUnclosedBoxIsNoAnswer() {
        assertThat(BoxedAnswer.lastBoxed("\\boxed{12")).isEmpty();
        assertThat(BoxedAnswer.scanLast("\\boxed{12").content()).isEqualTo("12");
    }

    @Test
    void noBoxIsEmpty() {
        assertThat(BoxedAnswer.lastBoxed("the answer is 4")).isEmpty();
        assertThat(BoxedAnswer.lastBoxed("")).isEmpty();
        assertThat(BoxedAnswer.lastBoxed("\\boxed")).isEmpty();
    }

    @Test
    void anEmptyBoxIsAnEmptyAnswer() {
        assertThat(BoxedAnswer.lastBoxed("\\boxed{}")).contains("");
    }
}
