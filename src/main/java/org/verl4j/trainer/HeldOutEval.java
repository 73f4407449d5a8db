package org.verl4j.trainer;

import org.verl4j.eval.EvalItem;
import org.verl4j.eval.EvalReport;
import org.verl4j.eval.Evaluator;
import org.verl4j.rollout.PromptFormat;
import org.verl4j.rollout.RolloutSource;
import org.verl4j.rollout.SamplingConfig;
import org.verl4j.tasks.Problem;
import org.verl4j.tasks.ReasoningTask;

import java.util.ArrayList;
import java.util.List;

/**
 * pass@k of the current policy on the held-out split through {@link Evaluator}, the code behind {@code verl4j eval}
 * (ALGORITHM.md §9: n samples per problem graded by the task's verifier, unbiased pass@k for k = 1, 2, 4, … ≤ n, mean over
 * problems). Every evaluation of a run samples with the same seed, so before/after differences come from the policy.
 */
public final class HeldOutEval {

    /** Grading deadline per response (the task verifiers take microseconds; this only bounds a pathological one). */
    private static final long GRADE_TIMEOUT_MS = 10_000;

    private HeldOutEval() {
    }

    /** Evaluates {@code problems} (dataset {@code name}) with {@code sampling} (its n is the pass@k n). */
    public static EvalScores run(RolloutSource engine, String name, List<Problem> problems, PromptFormat format,
                                 SamplingConfig sampling, int threads, int step) {
        List<EvalItem> items = new ArrayList<>(problems.size());
        for (Problem p : problems) items.add(EvalItem.of(name, ReasoningTask.of(p.task(), p.level()), p));
        EvalReport report = new Evaluator(engine, format, threads, GRADE_TIMEOUT_MS).evaluate(items, sampling);
        return new EvalScores(step, problems.size(), sampling.n(), report.average());
    }
}
