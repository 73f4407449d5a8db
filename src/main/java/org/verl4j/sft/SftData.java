package org.verl4j.sft;

import org.verl4j.tasks.Problem;
import org.verl4j.tasks.ReasoningTask;
import org.verl4j.tasks.TaskSplits;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SFT problems drawn fresh from a task's generator, kept apart from a held-out split:
 * <pre>
 * draw n + |held out| distinct problems ({@link TaskSplits#generate}(task, n + |held out|, 0, seed).train()),
 * drop those whose prompt is held out, keep the first n
 * </pre>
 * Same task, n, seed and held-out prompts ⇒ the same problems in the same order.
 */
public final class SftData {

    private SftData() {
    }

    /** {@code n} problems of {@code task} none of whose prompts is in {@code heldOut}. */
    public static List<Problem> generated(ReasoningTask task, int n, long seed, Collection<Problem> heldOut) {
        if (n < 1) throw new IllegalArgumentException("the number of SFT problems must be ≥ 1, got " + n);
        Set<String> held = new HashSet<>();
        for (Problem p : heldOut) held.add(p.prompt());
        List<Problem> out = new ArrayList<>(n);
        for (Problem p : TaskSplits.generate(task, n + held.size(), 0, seed).train()) {
            if (out.size() == n) break;
            if (!held.contains(p.prompt())) out.add(p);
        }
        return out;
    }
}
