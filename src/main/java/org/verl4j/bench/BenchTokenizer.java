package org.verl4j.bench;

import org.verl4j.rollout.ChatTemplate;
import org.verl4j.rollout.Tokenizer;

/** A stand-in tokenizer for rollout benches: ids written as numbers, one given EOS id (outside the vocabulary = never). */
public record BenchTokenizer(int eos) implements Tokenizer {

    @Override
    public int[] encode(String text) {
        throw new UnsupportedOperationException("bench prompts are token ids");
    }

    @Override
    public String decode(int[] ids) {
        return java.util.Arrays.toString(ids);
    }

    @Override
    public int[] eosIds() {
        return new int[]{eos};
    }

    @Override
    public int padId() {
        return 0;
    }

    @Override
    public ChatTemplate chatTemplate() {
        return ChatTemplate.SEPARATOR;
    }
}
