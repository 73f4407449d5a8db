package org.verl4j.rl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * maj@n (ALGORITHM.md §9): the problem counts as solved when the most frequent extracted answer among the n samples
 * is correct.
 *
 * <p>Conventions: answers are compared as given (the caller normalises them, e.g. with the extraction of
 * §9); a sample with no extracted answer ({@code null}) does not vote; no votes at all → wrong. <b>Ties</b>
 * between equally frequent answers go to the answer that appeared <em>first</em> in sample order —
 * deterministic and independent of hashing. Each sample's correctness is judged by the grader; the winning
 * answer's correctness is that of its first sample.
 */
public final class MajorityVote {

    private MajorityVote() {
    }

    /** One graded sample: its extracted answer (null when none) and whether the grader accepted it. */
    public record Sample(String answer, boolean correct) {
    }

    /** The winning answer, or null when no sample has an answer. */
    public static Sample winner(List<Sample> samples) {
        if (samples.isEmpty()) throw new IllegalArgumentException("maj@n needs at least one sample");
        Map<String, int[]> votes = new LinkedHashMap<>();          // answer → {count, first index}
        for (int i = 0; i < samples.size(); i++) {
            String a = samples.get(i).answer();
            if (a == null) continue;
            votes.computeIfAbsent(a, k -> new int[]{0, samples.size()})[0]++;
            int[] v = votes.get(a);
            v[1] = Math.min(v[1], i);
        }
        Sample best = null;
        int bestCount = 0;
        for (int[] v : votes.values()) {                           // insertion order = first appearance
            if (v[0] > bestCount) { bestCount = v[0]; best = samples.get(v[1]); }
        }
        return best;
    }

    /** 1 when the majority answer is correct, else 0. */
    public static double majAtN(List<Sample> samples) {
        Sample w = winner(samples);
        return w != null && w.correct() ? 1.0 : 0.0;
    }
}
