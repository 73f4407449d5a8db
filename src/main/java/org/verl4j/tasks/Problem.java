package org.verl4j.tasks;

import java.io.Serializable;
import java.util.Objects;

/**
 * One generated problem of a synthetic verifiable task: what the model sees, what the verifier checks, and a
 * worked response for supervised warm starts.
 *
 * @param id       stable within a split, e.g. {@code "arithmetic-l2-train-00017"}
 * @param task     the task's name ({@code "digit-completion"}, {@code "arithmetic"})
 * @param level    the difficulty level the problem was drawn at (≥ 1)
 * @param prompt   the text given to the model (for the char-level models: exactly the characters it reads)
 * @param answer   the ground truth the verifier compares against
 * @param solution a complete correct response (chain of thought and final answer; for digit completion the
 *                 answer itself), the SFT target
 */
public record Problem(String id, String task, int level, String prompt, String answer, String solution) implements Serializable {

    public Problem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(solution, "solution");
        if (level < 1) throw new IllegalArgumentException("level must be ≥ 1, got " + level + " for " + id);
    }

    /** The same problem under another id (splits number their problems). */
    public Problem withId(String newId) {
        return new Problem(newId, task, level, prompt, answer, solution);
    }
}
