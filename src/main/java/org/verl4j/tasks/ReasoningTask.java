package org.verl4j.tasks;

import org.verl4j.grader.Verdict;

import java.io.Serializable;
import java.util.Random;

/**
 * A synthetic task with a programmatic verifier: draws problems from a seeded generator and grades responses.
 * Closed family: {@link DigitCompletionTask} (verl's end-to-end test task) and {@link ArithmeticTask}
 * (multi-step arithmetic with a written chain of thought). Serializable, as the values it is made of, so an
 * evaluation item can carry its verifier to a Spark executor.
 *
 * <p>Determinism: {@link #sample(Random)} consumes the generator only through {@code nextInt(bound)}, whose
 * sequence {@link java.util.Random} specifies exactly, so a seed gives the same problems on every JVM.
 */
public sealed interface ReasoningTask extends Serializable permits DigitCompletionTask, ArithmeticTask {

    /** The task name used in files and on the command line. */
    String name();

    /** The difficulty level (≥ 1) this instance generates. */
    int level();

    /** One problem drawn from {@code rng}; its id is provisional (splits renumber). */
    Problem sample(Random rng);

    /** Grades {@code response} (the model's text after the prompt, EOS removed) against the problem's answer. */
    Verdict verify(Problem problem, String response);

    /** The characters every prompt and solution of this task is written in (for building a char vocabulary). */
    String alphabet();

    /** The task at a level of its level table; throws naming the valid range otherwise. */
    static ReasoningTask of(String name, int level) {
        return switch (name) {
            case DigitCompletionTask.NAME -> DigitCompletionTask.level(level);
            case ArithmeticTask.NAME -> ArithmeticTask.level(level);
            default -> throw new IllegalArgumentException("unknown task '" + name + "' (known: "
                    + DigitCompletionTask.NAME + ", " + ArithmeticTask.NAME + ")");
        };
    }
}
