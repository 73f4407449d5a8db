package org.verl4j.tasks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Disjoint train and test splits of a task, drawn from one seeded {@link Random}.
 *
 * <pre>
 * draw problems in sequence, keep each prompt's first occurrence, stop at nTrain + nTest distinct prompts;
 * the first nTrain form train, the rest test; ids "&lt;task&gt;-l&lt;level&gt;-&lt;split&gt;-&lt;index, 5 digits&gt;"
 * </pre>
 * Same task, sizes and seed ⇒ the same files, byte for byte. No prompt appears twice or in both splits.
 * A task whose problem space is too small (digit-completion level 1 has 900 prompts) fails with the count found.
 */
public record TaskSplits(List<Problem> train, List<Problem> test) {

    public TaskSplits {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /** Draws the splits; throws when fewer than nTrain + nTest distinct prompts turn up. */
    public static TaskSplits generate(ReasoningTask task, int nTrain, int nTest, long seed) {
        if (nTrain < 0 || nTest < 0)
            throw new IllegalArgumentException("split sizes must be ≥ 0, got train " + nTrain + ", test " + nTest);
        int wanted = nTrain + nTest;
        long maxDraws = 50L * wanted + 10_000;
        Random rng = new Random(seed);
        Set<String> seen = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>(wanted);
        for (long draws = 0; problems.size() < wanted; draws++) {
            if (draws == maxDraws)
                throw new IllegalArgumentException(task.name() + " level " + task.level() + ": only "
                        + problems.size() + " distinct problems in " + maxDraws + " draws, " + wanted
                        + " requested (train " + nTrain + " + test " + nTest + ")");
            Problem p = task.sample(rng);
            if (seen.add(p.prompt())) problems.add(p);
        }
        return new TaskSplits(renumber(task, "train", problems.subList(0, nTrain)),
                renumber(task, "test", problems.subList(nTrain, wanted)));
    }

    private static List<Problem> renumber(ReasoningTask task, String split, List<Problem> problems) {
        List<Problem> out = new ArrayList<>(problems.size());
        for (int i = 0; i < problems.size(); i++)
            out.add(problems.get(i).withId(String.format("%s-l%d-%s-%05d", task.name(), task.level(), split, i)));
        return out;
    }
}
