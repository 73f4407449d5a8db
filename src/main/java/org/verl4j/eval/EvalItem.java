package org.verl4j.eval;

import org.verl4j.eval.benchmarks.BenchmarkItem;
import org.verl4j.tasks.Problem;
import org.verl4j.tasks.ReasoningTask;

import java.io.Serializable;

/**
 * One problem to evaluate: the question (before the template), its ground truth, the dataset it is reported under,
 * and how responses are checked. Serializable (with its check): the Spark eval job ships items to executors.
 */
public record EvalItem(String dataset, String id, String question, String answer, Check check) implements Serializable {

    /** How a response is graded: the project's math grader (ALGORITHM.md §9), or a synthetic task's own verifier. */
    public sealed interface Check extends Serializable {
    }

    /** {@code grader.MathGrader} under the per-item deadline. */
    public record MathAnswer() implements Check {
    }

    /** {@link ReasoningTask#verify} of the problem. */
    public record TaskVerifier(ReasoningTask task, Problem problem) implements Check {
    }

    public EvalItem {
        if (dataset == null || id == null || question == null || answer == null || check == null)
            throw new IllegalArgumentException("eval item fields must not be null");
    }

    public static EvalItem of(BenchmarkItem b) {
        return new EvalItem(b.dataset(), b.id(), b.question(), b.answer(), new MathAnswer());
    }

    /** A task problem, reported under {@code dataset} (e.g. {@code arithmetic-l2}). */
    public static EvalItem of(String dataset, ReasoningTask task, Problem p) {
        return new EvalItem(dataset, p.id(), p.prompt(), p.answer(), new TaskVerifier(task, p));
    }
}
