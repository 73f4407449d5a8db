package org.verl4j.rollout;

/**
 * The evaluation prompt templates of ALGORITHM.md §9, as in the Qwen2.5-Math toolkit's {@code PROMPT_TEMPLATES}
 * (zero-shot: the input template only).
 *
 * <pre>
 * abel        "Question:\n{q}\nAnswer:\nLet's think step by step.\n"
 * qwen-boxed  "&lt;|im_start|&gt;system\nYou are a helpful assistant.&lt;|im_end|&gt;\n"
 *             "&lt;|im_start|&gt;user\n{q}\nPlease reason step by step, and put your final answer within \boxed{}.&lt;|im_end|&gt;\n"
 *             "&lt;|im_start|&gt;assistant\n"
 * </pre>
 * Like the toolkit, the formatted prompt loses leading and trailing spaces (only ' ', not newlines).
 */
public enum PromptTemplate {
    ABEL("abel", "Question:\n{q}\nAnswer:\nLet's think step by step.\n"),
    QWEN_BOXED("qwen-boxed", "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
            + "<|im_start|>user\n{q}\nPlease reason step by step, and put your final answer within \\boxed{}."
            + "<|im_end|>\n<|im_start|>assistant\n");

    private final String label;
    private final String template;

    PromptTemplate(String label, String template) {
        this.label = label;
        this.template = template;
    }

    /** The name used on command lines and in configs ({@code abel}, {@code qwen-boxed}). */
    public String label() {
        return label;
    }

    /** The prompt for {@code question}. */
    public String format(String question) {
        String prompt = template.replace("{q}", question);
        int start = 0;
        int end = prompt.length();
        while (start < end && prompt.charAt(start) == ' ') start++;
        while (end > start && prompt.charAt(end - 1) == ' ') end--;
        return prompt.substring(start, end);
    }

    /** The template with this label; throws listing the known labels otherwise. */
    public static PromptTemplate named(String label) {
        for (PromptTemplate t : values()) if (t.label.equals(label)) return t;
        throw new IllegalArgumentException("unknown prompt template '" + label + "' (known: abel, qwen-boxed)");
    }
}
