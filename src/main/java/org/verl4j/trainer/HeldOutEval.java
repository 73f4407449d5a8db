package org.verl4j.trainer;

import org.verl4j.rl.PassAtK;
import org.verl4j.rollout.Prompt;
import org.verl4j.rollout.PromptFormat;
import org.verl4j.rollout.Rollout;
import org.verl4j.rollout.RolloutEngine;
import org.verl4j.rollout.SamplingConfig;
import org.verl4j.tasks.Problem;
import org.verl4j.tasks.ReasoningTask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pass@k of the current policy on held-out problems (spec §9): n samples per problem, c of them correct by the
 * task's verifier, then the unbiased pass@k ({@link PassAtK}) for k = 1, 2, 4, … ≤ n, averaged over problems.
 * Every evaluation of a run samples with the same seed, so before/after differences come from the policy only.
 */
public final class HeldOutEval {

    private HeldOutEval() {
    }

    /** Evaluates {@code problems} with {@code sampling} (its n is the pass@k n) after {@code step} training steps. */
    public static EvalScores run(RolloutEngine engine, List<Problem> problems, PromptFormat format,
                                 SamplingConfig sampling, int step) {
        List<Prompt> prompts = new ArrayList<>();
        for (Problem p : problems)
            prompts.add(new Prompt(p.id(), engine.tokenizer().encode(format.render(p.prompt(), engine.tokenizer()))));
        List<Rollout> rollouts = engine.generate(prompts, sampling);
        int n = sampling.n();
        List<Integer> ks = new ArrayList<>();
        for (int k = 1; k <= n; k *= 2) ks.add(k);
        double[] sums = new double[ks.size()];
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            ReasoningTask task = ReasoningTask.of(p.task(), p.level());
            int c = 0;
            for (int j = 0; j < n; j++) {
                Rollout r = rollouts.get(i * n + j);
                String text = engine.tokenizer().decode(r.textTokenIds(engine.tokenizer().eosIds()));
                if (task.verify(p, text).correct()) c++;
            }
            for (int q = 0; q < ks.size(); q++) sums[q] += PassAtK.passAtK(n, c, ks.get(q));
        }
        Map<String, Double> pass = new LinkedHashMap<>();
        for (int q = 0; q < ks.size(); q++) pass.put("pass@" + ks.get(q), sums[q] / problems.size());
        return new EvalScores(step, problems.size(), n, pass);
    }
}
