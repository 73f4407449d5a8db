package org.verl4j.rl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-group statistics of outcome scores (ALGORITHM.md §8): the responses of one prompt form a group.
 *
 * <pre>
 * s_i      = Σ_t r[i][t]                          over valid tokens (the outcome score)
 * mean_g   = (1/n) Σ_{i∈g} s_i
 * std_g    = sqrt( Σ_{i∈g} (s_i − mean_g)² / (n − 1) )     Bessel's correction
 * group of one: mean 0, std 1 (verl's convention: the score passes through unchanged)
 * </pre>
 * The mean is accumulated as s_first + Σ (s_i − s_first)/n, so a group of equal scores has exactly its score
 * as mean and exactly 0 as advantage (a plain Σ/n can miss by an ulp, which ε would blow up to ~1e-11).
 */
public final class GroupBaseline {

    private GroupBaseline() {
    }

    /** s_i = Σ_t r[i][t] over valid tokens. */
    public static double[] scores(TokenBatch batch) {
        double[] s = new double[batch.size()];
        for (int i = 0; i < s.length; i++) s[i] = TokenMask.rowSum(batch.rewards()[i], batch.mask()[i]);
        return s;
    }

    /** Response indices per group id, groups in order of first appearance. */
    public static List<int[]> groups(int[] groupIds) {
        Map<Integer, List<Integer>> byId = new LinkedHashMap<>();
        for (int i = 0; i < groupIds.length; i++) byId.computeIfAbsent(groupIds[i], k -> new ArrayList<>()).add(i);
        List<int[]> out = new ArrayList<>();
        for (List<Integer> members : byId.values()) out.add(members.stream().mapToInt(Integer::intValue).toArray());
        return out;
    }

    /** mean_g of the members (0 for a group of one). */
    public static double mean(double[] s, int[] members) {
        if (members.length == 1) return 0.0;
        double first = s[members[0]];
        double shifted = 0;
        for (int i : members) shifted += s[i] - first;
        return first + shifted / members.length;
    }

    /** std_g with Bessel's correction (1 for a group of one). */
    public static double std(double[] s, int[] members) {
        if (members.length == 1) return 1.0;
        double mean = mean(s, members);
        double ss = 0;
        for (int i : members) ss += (s[i] - mean) * (s[i] - mean);
        return Math.sqrt(ss / (members.length - 1));
    }
}
