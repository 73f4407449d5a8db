package org.verl4j.sft;

import org.verl4j.tasks.CharTokenizer;
import org.verl4j.tasks.Problem;

/**
 * One supervised sequence in the char_ords layout of {@link CharTokenizer}:
 * <pre>
 * prompt   = chars(problem.prompt) · S          (the chat template's generation prompt, id 0)
 * response = chars(problem.solution) · E        (the target; E = id 1 ends the response)
 * </pre>
 * The loss is taken on every response token, E included, so the model learns to stop.
 *
 * @param id       the problem's id (for messages)
 * @param prompt   token ids the model reads (length ≥ 1)
 * @param response token ids it is trained to write (length ≥ 1)
 */
public record SftExample(String id, int[] prompt, int[] response) {

    public SftExample {
        if (prompt.length == 0) throw new IllegalArgumentException(id + ": empty prompt");
        if (response.length == 0) throw new IllegalArgumentException(id + ": empty response");
        prompt = prompt.clone();
        response = response.clone();
    }

    /**
     * The example of {@code problem}: prompt characters then S, solution characters then E. A character outside
     * the vocabulary is an error naming the problem (it would silently become U).
     */
    public static SftExample of(Problem problem, CharTokenizer tokenizer) {
        requireKnown(problem, problem.prompt(), "prompt", tokenizer);
        requireKnown(problem, problem.solution(), "solution", tokenizer);
        int[] solution = tokenizer.encode(problem.solution());
        int[] response = java.util.Arrays.copyOf(solution, solution.length + 1);
        response[solution.length] = CharTokenizer.EOS;
        return new SftExample(problem.id(), tokenizer.encodePrompt(problem.prompt()), response);
    }

    /** Prompt and response together, P + R. */
    public int length() {
        return prompt.length + response.length;
    }

    private static void requireKnown(Problem p, String text, String field, CharTokenizer tokenizer) {
        int[] ids = tokenizer.encode(text);
        for (int i = 0; i < ids.length; i++)
            if (ids[i] == CharTokenizer.UNK || ids[i] < 4)
                throw new IllegalArgumentException(p.id() + ": " + field + " character '" + text.charAt(i)
                        + "' at " + i + " is not in the tokenizer's characters");
    }
}
