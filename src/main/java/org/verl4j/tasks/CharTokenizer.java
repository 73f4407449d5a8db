package org.verl4j.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The character-level tokenizer of verl's digit-completion models ({@code tokenizer_config.json} with
 * {@code char_ords}): one character, one token.
 *
 * <pre>
 * id 0 "S" separator (the chat template appends it after the prompt)    id 2 "P" padding
 * id 1 "E" end of sequence                                              id 3 "U" unknown character
 * id 4 + i  the i-th character of char_ords
 * </pre>
 * Encoding maps the letters S, E, P, U to their special ids (as Hugging Face does for added tokens) and any
 * other character outside the vocabulary to U; a character list that contains S, E, P or U is rejected.
 */
public final class CharTokenizer {

    public static final int SEP = 0;
    public static final int EOS = 1;
    public static final int PAD = 2;
    public static final int UNK = 3;
    private static final String SPECIALS = "SEPU";
    private static final String CHAT_TEMPLATE = "{% if messages[0]['role'] == 'system' %}{{ raise_exception("
            + "'System role not supported') }}{% endif %}{% for message in messages %}{% if (message['role'] == "
            + "'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate "
            + "user/assistant/user/assistant/...') }}{% endif %}{% set role = message['role'] %}"
            + "{{ message['content'] }}{% endfor %}{% if add_generation_prompt %}{{ sep_token }}{% endif %}";

    private final String characters;
    private final int modelMaxLength;
    private final Map<Character, Integer> ids = new HashMap<>();

    private CharTokenizer(String characters, int modelMaxLength) {
        this.characters = characters;
        this.modelMaxLength = modelMaxLength;
        if (modelMaxLength < 1) throw new IllegalArgumentException("model_max_length must be ≥ 1, got " + modelMaxLength);
        for (int i = 0; i < SPECIALS.length(); i++) ids.put(SPECIALS.charAt(i), i);
        for (int i = 0; i < characters.length(); i++) {
            char c = characters.charAt(i);
            if (ids.containsKey(c))
                throw new IllegalArgumentException("character " + describe(c) + " appears twice in the vocabulary"
                        + (SPECIALS.indexOf(c) >= 0 ? " (it is a special token)" : ""));
            ids.put(c, 4 + i);
        }
    }

    /** A tokenizer over {@code characters} (in id order, from id 4). */
    public static CharTokenizer of(String characters, int modelMaxLength) {
        return new CharTokenizer(characters, modelMaxLength);
    }

    /** Reads {@code tokenizer_config.json} (or the directory holding it). */
    public static CharTokenizer read(Path configOrDir) {
        Path file = Files.isDirectory(configOrDir) ? configOrDir.resolve("tokenizer_config.json") : configOrDir;
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer config " + file + ": " + e.getMessage(), e);
        }
        JsonNode ords = root == null ? null : root.get("char_ords");
        if (ords == null || !ords.isArray())
            throw new IllegalArgumentException(file + ": 'char_ords' missing or not an array");
        StringBuilder chars = new StringBuilder();
        for (JsonNode o : ords) {
            if (!o.canConvertToInt() || o.asInt() < 0 || o.asInt() > Character.MAX_VALUE)
                throw new IllegalArgumentException(file + ": char_ords entry " + o + " is not a BMP code point");
            chars.append((char) o.asInt());
        }
        JsonNode max = root.get("model_max_length");
        if (max == null || !max.canConvertToInt())
            throw new IllegalArgumentException(file + ": 'model_max_length' missing or not an integer");
        return new CharTokenizer(chars.toString(), max.asInt());
    }

    /** 4 specials + the characters. */
    public int vocabSize() {
        return 4 + characters.length();
    }

    public int modelMaxLength() {
        return modelMaxLength;
    }

    /** The characters from id 4 on, in id order. */
    public String characters() {
        return characters;
    }

    /** One id per character. */
    public int[] encode(String text) {
        int[] out = new int[text.length()];
        for (int i = 0; i < text.length(); i++) out[i] = ids.getOrDefault(text.charAt(i), UNK);
        return out;
    }

    /** The chat template with a generation prompt: the prompt's characters followed by {@link #SEP}. */
    public int[] encodePrompt(String prompt) {
        int[] body = encode(prompt);
        int[] out = Arrays.copyOf(body, body.length + 1);
        out[body.length] = SEP;
        return out;
    }

    /** Every id as its string, specials included ("S", "E", "P", "U"). */
    public String decode(int[] tokenIds) {
        StringBuilder sb = new StringBuilder(tokenIds.length);
        for (int id : tokenIds) sb.append(token(id));
        return sb.toString();
    }

    /** A generated response as text: up to (not including) the first EOS, padding dropped. */
    public String decodeResponse(int[] tokenIds) {
        StringBuilder sb = new StringBuilder(tokenIds.length);
        for (int id : tokenIds) {
            if (id == EOS) break;
            if (id != PAD) sb.append(token(id));
        }
        return sb.toString();
    }

    /** The string of one id; throws naming the id when it is outside the vocabulary. */
    public char token(int id) {
        if (id < 0 || id >= vocabSize())
            throw new IllegalArgumentException("token id " + id + " outside the vocabulary [0, " + vocabSize() + ")");
        return id < 4 ? SPECIALS.charAt(id) : characters.charAt(id - 4);
    }

    /** This vocabulary as a verl-style {@code tokenizer_config.json} (char_ords, model_max_length, template). */
    public String configJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode ords = root.putArray("char_ords");
        characters.chars().forEach(ords::add);
        root.put("model_max_length", modelMaxLength);
        root.put("chat_template", CHAT_TEMPLATE);
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise tokenizer config", e);
        }
    }

    /** Writes {@link #configJson()} to {@code file} atomically. */
    public void writeConfig(Path file) {
        String json = configJson();
        AtomicWrite.write(file, out -> out.write(json));
    }

    private static String describe(char c) {
        return "'" + c + "' (U+" + String.format("%04X", (int) c) + ")";
    }
}
