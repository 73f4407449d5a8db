package org.verl4j.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The decoder families verl4j loads from Hugging Face checkpoints. They share one forward (pre-norm blocks of
 * RMSNorm → grouped-query attention with RoPE → RMSNorm → SwiGLU MLP, then a final RMSNorm and the LM head) and
 * differ only in which projections carry a bias:
 * <pre>
 *   Llama : q/k/v/o biased iff config.attention_bias (default false)
 *   Qwen2 : q/k/v always biased, o never
 * </pre>
 */
public enum Architecture {
    LLAMA("LlamaForCausalLM"),
    QWEN2("Qwen2ForCausalLM");

    private final String hfName;

    Architecture(String hfName) {
        this.hfName = hfName;
    }

    /** The name in {@code config.json}'s {@code "architectures"} list. */
    public String hfName() {
        return hfName;
    }

    /** The {@code "model_type"} written back to {@code config.json}. */
    public String modelType() {
        return this == LLAMA ? "llama" : "qwen2";
    }

    /**
     * The architecture named {@code hfName}.
     *
     * @param source the file the name came from, for the message
     * @throws IllegalArgumentException naming the file, the architecture and the supported ones
     */
    public static Architecture fromHf(String hfName, String source) {
        for (Architecture a : values()) if (a.hfName.equals(hfName)) return a;
        throw new IllegalArgumentException(source + ": unsupported architecture \"" + hfName + "\" (supported: "
                + Arrays.stream(values()).map(Architecture::hfName).collect(Collectors.joining(", ")) + ")");
    }
}
