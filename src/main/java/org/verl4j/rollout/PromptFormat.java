package org.verl4j.rollout;


import java.util.Locale;

/**
 * How a question becomes prompt text (ALGORITHM.md §9): {@code plain} (as given), {@code abel} and {@code qwen-boxed}
 * ({@link PromptTemplate}, the Qwen2.5-Math toolkit's), or {@code chat} (the model's own chat template, see
 * {@link ChatTemplate}).
 */
public enum PromptFormat {
    PLAIN, ABEL, QWEN_BOXED, CHAT;

    /** The prompt text for {@code question} under {@code tokenizer}'s chat template (CHAT only). */
    public String render(String question, Tokenizer tokenizer) {
        return switch (this) {
            case PLAIN -> question;
            case ABEL -> PromptTemplate.ABEL.format(question);
            case QWEN_BOXED -> PromptTemplate.QWEN_BOXED.format(question);
            case CHAT -> tokenizer.chatTemplate().render(question);
        };
    }

    /** {@code plain}, {@code abel}, {@code qwen-boxed}, {@code chat}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PromptFormat named(String label) {
        for (PromptFormat f : values()) if (f.label().equals(label)) return f;
        throw new IllegalArgumentException("unknown template '" + label + "' (known: plain, abel, qwen-boxed, chat)");
    }
}
