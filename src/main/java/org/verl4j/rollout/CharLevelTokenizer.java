package org.verl4j.rollout;

import org.verl4j.tasks.CharTokenizer;

import java.nio.file.Path;

/**
 * The character vocabulary of the small models ({@link CharTokenizer}: id 0 S separator, 1 E eos, 2 P pad, 3 U unk,
 * then one id per character of {@code char_ords} from 4). Decoding writes the specials as their letters.
 */
public final class CharLevelTokenizer implements Tokenizer {

    private final CharTokenizer chars;
    private final int[] eos;

    public CharLevelTokenizer(CharTokenizer chars, int[] eosIds) {
        this.chars = chars;
        this.eos = eosIds.clone();
    }

    /** From {@code modelDir/tokenizer_config.json} plus the EOS ids of the model's configs. */
    public static CharLevelTokenizer load(Path modelDir) {
        return new CharLevelTokenizer(CharTokenizer.read(modelDir), EosIds.collect(modelDir, CharTokenizer.EOS));
    }

    @Override
    public int[] encode(String text) {
        return chars.encode(text);
    }

    @Override
    public String decode(int[] ids) {
        return chars.decode(ids);
    }

    @Override
    public int[] eosIds() {
        return eos.clone();
    }

    @Override
    public int padId() {
        return CharTokenizer.PAD;
    }

    @Override
    public ChatTemplate chatTemplate() {
        return ChatTemplate.SEPARATOR;
    }

    public CharTokenizer chars() {
        return chars;
    }
}
