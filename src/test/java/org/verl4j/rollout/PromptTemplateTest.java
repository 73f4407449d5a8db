package org.verl4j.rollout;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The templates of ALGORITHM.md §9, spelled out independently of the enum. */
class PromptTemplateTest {

    @Test
    void abelWrapsTheQuestion() {
        assertThat(PromptTemplate.ABEL.format("What is 1+1?"))
                .isEqualTo("Question:\nWhat is 1+1?\nAnswer:\nLet's think step by step.\n");
    }

    @Test
    void qwenBoxedIsTheQwenChatFormatWithTheBoxedInstruction() {
        assertThat(PromptTemplate.QWEN_BOXED.format("What is 1+1?")).isEqualTo(
                "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
                        + "<|im_start|>user\nWhat is 1+1?\nPlease reason step by step, and put your final answer "
                        + "within \\boxed{}.<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void questionTextIsInsertedVerbatimAndOuterSpacesAreTrimmed() {
        assertThat(PromptTemplate.ABEL.format("{q} $x$ ")).isEqualTo("Question:\n{q} $x$ \nAnswer:\nLet's think step by step.\n");
        assertThat(PromptTemplate.named("qwen-boxed")).isEqualTo(PromptTemplate.QWEN_BOXED);
        assertThatThrownBy(() -> PromptTemplate.named("cot")).hasMessageContaining("unknown prompt template 'cot'");
    }
}
