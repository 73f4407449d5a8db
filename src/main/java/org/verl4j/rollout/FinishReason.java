package org.verl4j.rollout;

/** Why a response ended: an EOS id or a stop string ({@code stop}), or the max-new-tokens budget ({@code length}). */
public enum FinishReason {
    STOP, LENGTH;

    /** The name in output files ({@code stop}, {@code length}), as Hugging Face and vLLM write it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
