package org.verl4j.grader;

import org.verl4j.rl.TaskReward;

import java.util.Objects;

/**
 * The grade of one response against one ground truth (ALGORITHM.md §9).
 *
 * @param correct   whether the extracted answer is equivalent to the ground truth; false on timeout
 * @param extracted the normalised answer taken from the response ("" when nothing was found)
 * @param reason    which rule decided: a match ({@code exact_string_ci}, {@code string_without_spaces},
 *                  {@code string_without_function_backslash}, {@code text_generic_noun}, {@code choice},
 *                  {@code numeric_close}, {@code unordered_elements}, {@code bracket_stripped_string},
 *                  {@code tuple_elementwise}, {@code matrix_elementwise}, {@code relation}, {@code equation},
 *                  {@code symbolic}) or why not ({@code not_equal}, {@code no_answer}, {@code timeout},
 *                  {@code grader_error: …})
 * @param timedOut  whether the per-item deadline expired; such an item is wrong and counted apart
 * @param boxed     whether the answer came from a {@code \boxed{}}/{@code \fbox{}}
 */
public record Verdict(boolean correct, String extracted, String reason, boolean timedOut, boolean boxed) {

    public Verdict {
        Objects.requireNonNull(extracted, "extracted");
        Objects.requireNonNull(reason, "reason");
        if (timedOut && correct) throw new IllegalArgumentException("a timed-out verdict cannot be correct");
    }

    /** The verdict for an item whose deadline expired. */
    public static Verdict timeout(String extracted, boolean boxed) {
        return new Verdict(false, extracted, "timeout", true, boxed);
    }

    /** The task reward of this verdict under {@code table} (ALGORITHM.md §8): correctness and boxing as graded here. */
    public double reward(TaskReward table) {
        return table.score(correct, boxed);
    }
}
