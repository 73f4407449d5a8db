package org.verl4j.eval;

import org.verl4j.grader.GradingExecutor;
import org.verl4j.grader.GradingItem;
import org.verl4j.grader.MathGrader;
import org.verl4j.grader.Verdict;
import org.verl4j.rl.PassAtK;
import org.verl4j.rollout.Prompt;
import org.verl4j.rollout.PromptFormat;
import org.verl4j.rollout.Rollout;
import org.verl4j.rollout.RolloutSource;
import org.verl4j.rollout.SamplingConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a policy (ALGORITHM.md §9), for {@code verl4j eval} and the trainer's periodic evaluation: render each question
 * with the template, sample n responses per problem, grade each (the math grader or the task's verifier, every item
 * under the deadline), then pass@k = 1 − C(n−c, k)/C(n, k) for k = 1, 2, 4, … ≤ n ({@link PassAtK}), averaged
 * over a dataset's problems, and the plain mean over datasets.
 */
public final class Evaluator {

    private final RolloutSource engine;
    private final PromptFormat format;
    private final int graderThreads;
    private final long timeoutMillis;

    public Evaluator(RolloutSource engine, PromptFormat format, int graderThreads, long timeoutMillis) {
        this.engine = engine;
        this.format = format;
        this.graderThreads = graderThreads;
        this.timeoutMillis = timeoutMillis;
    }

    /** Every item's {@link ProblemResult} and the pass@k table: {@code EvalReport.of(results(items, 0, sampling, 0))}. */
    public EvalReport evaluate(List<EvalItem> items, SamplingConfig sampling) {
        if (items.isEmpty()) throw new IllegalArgumentException("nothing to evaluate: no items");
        return EvalReport.of(results(items, 0, sampling, 0));
    }

    /**
     * Item i of {@code items} rendered with the template, encoded and named {@code "eval-" + (firstIndex + i)}: the
     * prompts {@link #results} generates from ({@link Prompt#longest} of them is the width their call pads to).
     */
    public List<Prompt> prompts(List<EvalItem> items, int firstIndex) {
        if (firstIndex < 0) throw new IllegalArgumentException("first index must be ≥ 0, got " + firstIndex);
        List<Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++)
            prompts.add(new Prompt("eval-" + (firstIndex + i), engine.tokenizer().encode(format.render(items.get(i).question(), engine.tokenizer()))));
        return prompts;
    }

    /**
     * The results of {@code items}, which sit at positions {@code firstIndex}, {@code firstIndex + 1}, … of the whole
     * evaluation: item i is prompted as {@code "eval-" + (firstIndex + i)}, the id that seeds its n random streams
     * ({@link org.verl4j.rollout.ResponseSeeds}). So any slicing of an item list into contiguous runs, each evaluated
     * with its own first index, gives the results of the whole list in one call — what the Spark eval job relies on:
     * the same bits when each slice is generated at the whole list's prompt width ({@code width}: the longest of
     * all slices' {@link #prompts}; 0 = the slice's own, enough for a whole list).
     */
    public List<ProblemResult> results(List<EvalItem> items, int firstIndex, SamplingConfig sampling, int width) {
        List<Rollout> rollouts = engine.generate(prompts(items, firstIndex), sampling, width);
        int n = sampling.n();
        List<String> texts = new ArrayList<>(rollouts.size());
        int[] eos = engine.tokenizer().eosIds();
        for (Rollout r : rollouts) texts.add(engine.tokenizer().decode(r.textTokenIds(eos)));
        List<Verdict> verdicts = grade(items, texts, n);
        List<ProblemResult> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            EvalItem item = items.get(i);
            List<String> responses = texts.subList(i * n, (i + 1) * n), extracted = new ArrayList<>();
            List<Boolean> correct = new ArrayList<>();
            int c = 0, timeouts = 0;
            for (Verdict v : verdicts.subList(i * n, (i + 1) * n)) {
                extracted.add(v.extracted());
                correct.add(v.correct());
                if (v.correct()) c++;
                if (v.timedOut()) timeouts++;
            }
            Map<String, Double> pass = new LinkedHashMap<>();
            for (int k = 1; k <= n; k *= 2) pass.put("pass@" + k, PassAtK.passAtK(n, c, k));
            problems.add(new ProblemResult(item.dataset(), item.id(), item.answer(), responses, extracted, correct, timeouts, pass));
        }
        return problems;
    }

    /** Every response's verdict, in order, each under the deadline. */
    private List<Verdict> grade(List<EvalItem> items, List<String> texts, int n) {
        List<GradingItem> grading = new ArrayList<>(texts.size());
        Map<String, EvalItem.TaskVerifier> tasks = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            EvalItem item = items.get(i / n);
            String key = item.check() instanceof EvalItem.TaskVerifier t ? "task#" + (i / n) : item.dataset();
            if (item.check() instanceof EvalItem.TaskVerifier t) tasks.put(key, t);
            grading.add(new GradingItem(texts.get(i), item.answer(), key));
        }
        MathGrader math = new MathGrader();
        try (GradingExecutor executor = new GradingExecutor((g, deadline) -> {
            EvalItem.TaskVerifier t = tasks.get(g.dataset());           // task items carry their key as the dataset
            return t != null ? t.task().verify(t.problem(), g.response()) : math.grade(g, deadline);
        }, graderThreads, timeoutMillis)) {
            return executor.gradeAll(grading);
        }
    }
}
