package org.verl4j.rollout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chat formats verl4j renders without a Jinja engine — one user message plus the generation prompt — and the
 * test that recognises them in a {@code tokenizer_config.json} {@code chat_template}:
 * <pre>
 *   SEPARATOR  {user}S                                   (verl's char models: content, then sep_token "S")
 *   CHATML     [&lt;|im_start|&gt;system\n{default system}&lt;|im_end|&gt;\n]
 *              &lt;|im_start|&gt;user\n{user}&lt;|im_end|&gt;\n&lt;|im_start|&gt;assistant\n
 * </pre>
 * CHATML's default system prompt is the literal the template writes when no system message is given (Qwen2.5:
 * "You are Qwen, created by Alibaba Cloud. …"; Qwen3: none). Any other template is refused by name.
 *
 * @param defaultSystem CHATML's default system text, "" when none
 */
public record ChatTemplate(Kind kind, String defaultSystem) {

    /** The supported families. */
    public enum Kind { SEPARATOR, CHATML }

    public static final ChatTemplate SEPARATOR = new ChatTemplate(Kind.SEPARATOR, "");

    private static final Pattern DEFAULT_SYSTEM = Pattern.compile("'<\\|im_start\\|>system\\\\n([^'+]+?)<\\|im_end\\|>\\\\n'");

    /** Recognises {@code template} (the Jinja source); {@code source} names where it came from for the error. */
    public static ChatTemplate recognise(String template, String source) {
        if (template == null)
            throw new IllegalArgumentException(source + ": no chat_template (use --template plain, abel or qwen-boxed)");
        if (template.contains("<|im_start|>") && template.contains("add_generation_prompt")) {
            Matcher m = DEFAULT_SYSTEM.matcher(template);
            return new ChatTemplate(Kind.CHATML, m.find() ? m.group(1).replace("\\n", "\n") : "");
        }
        if (template.contains("sep_token") && !template.contains("<|im_start|>")) return SEPARATOR;
        throw new IllegalArgumentException(source + ": unsupported chat_template (verl4j renders ChatML and verl's "
                + "separator template only; use --template plain, abel or qwen-boxed)");
    }

    /** One user turn and the generation prompt. */
    public String render(String user) {
        return switch (kind) {
            case SEPARATOR -> user + "S";
            case CHATML -> (defaultSystem.isEmpty() ? "" : "<|im_start|>system\n" + defaultSystem + "<|im_end|>\n")
                    + "<|im_start|>user\n" + user + "<|im_end|>\n<|im_start|>assistant\n";
        };
    }
}
