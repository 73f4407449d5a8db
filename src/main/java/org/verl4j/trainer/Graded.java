package org.verl4j.trainer;

import org.verl4j.grader.Verdict;
import org.verl4j.rl.TaskReward;
import org.verl4j.rollout.Rollout;
import org.verl4j.rollout.Tokenizer;
import org.verl4j.tasks.Problem;
import org.verl4j.tasks.ReasoningTask;

import java.util.List;

/**
 * The task scores of a step's responses: each response (final EOS removed, {@link Rollout#textTokenIds}) decoded
 * and graded by its problem's task verifier, then mapped to the reward table (ALGORITHM.md §8).
 *
 * @param scores  s_i, the task reward of response i
 * @param correct the verifier's verdict of response i
 */
public record Graded(double[] scores, boolean[] correct) {

    /** Grades rollouts; response i answers {@code problems.get(i / n)}. */
    public static Graded of(List<Rollout> rollouts, List<Problem> problems, int n, Tokenizer tokenizer, TaskReward table) {
        if (rollouts.size() != problems.size() * n)
            throw new IllegalArgumentException(rollouts.size() + " rollouts for " + problems.size() + " prompts × n = " + n);
        double[] s = new double[rollouts.size()];
        boolean[] c = new boolean[rollouts.size()];
        for (int i = 0; i < s.length; i++) {
            Problem p = problems.get(i / n);
            String text = tokenizer.decode(rollouts.get(i).textTokenIds(tokenizer.eosIds()));
            Verdict v = ReasoningTask.of(p.task(), p.level()).verify(p, text);
            s[i] = v.reward(table);
            c[i] = v.correct();
        }
        return new Graded(s, c);
    }

    /** Fraction of GRPO groups (consecutive blocks of n) whose scores are all equal: they carry no advantage. */
    public double zeroStdGroupFraction(int n) {
        int groups = scores.length / n, flat = 0;
        for (int g = 0; g < groups; g++) {
            boolean same = true;
            for (int j = 1; j < n; j++) same &= scores[g * n + j] == scores[g * n];
            if (same) flat++;
        }
        return (double) flat / groups;
    }
}
