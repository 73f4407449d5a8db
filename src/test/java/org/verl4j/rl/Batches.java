package org.verl4j.rl;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random token batches for properties: 2–6 responses of padded length 1–8, prefix masks of random length,
 * up to three groups, rewards and critic values in [−3, 3] everywhere (masked positions included, so that a
 * property can check they are ignored).
 */
final class Batches {

    private Batches() {
    }

    static Arbitrary<TokenBatch> batches() {
        return Combinators.combine(Arbitraries.integers().between(2, 6), Arbitraries.integers().between(1, 8))
                .flatAs((b, t) -> Combinators.combine(
                        Arbitraries.integers().between(1, t).array(int[].class).ofSize(b),
                        Arbitraries.integers().between(0, 2).array(int[].class).ofSize(b),
                        Arbitraries.doubles().between(-3, 3).array(double[].class).ofSize(2 * b * t))
                        .as((lengths, groups, flat) -> build(b, t, lengths, groups, flat)));
    }

    private static TokenBatch build(int b, int t, int[] lengths, int[] groups, double[] flat) {
        double[][] r = new double[b][t], v = new double[b][t];
        for (int i = 0; i < b; i++)
            for (int j = 0; j < t; j++) {
                r[i][j] = flat[i * t + j];
                v[i][j] = flat[b * t + i * t + j];
            }
        return new TokenBatch(r, TokenMask.ofLengths(lengths, t), groups, v);
    }

    /** A batch of one response with {@code minTokens}–{@code maxTokens} valid tokens (padded length up to 8). */
    static Arbitrary<TokenBatch> singleResponses(int minTokens, int maxTokens) {
        return Arbitraries.integers().between(minTokens, 8)
                .flatMap(t -> Combinators.combine(Arbitraries.integers().between(minTokens, Math.min(t, maxTokens)),
                                Arbitraries.doubles().between(-3, 3).array(double[].class).ofSize(2 * t))
                        .as((length, flat) -> build(1, t, new int[]{length}, new int[]{0}, flat)));
    }

    /** Batches whose every response is its own group (distinct group ids). */
    static Arbitrary<TokenBatch> groupsOfOne() {
        return batches().map(b -> {
            int[] ids = new int[b.size()];
            for (int i = 0; i < ids.length; i++) ids[i] = 10 * i + 3;
            return new TokenBatch(b.rewards(), b.mask(), ids, b.values());
        });
    }

    /**
     * Batches of up to three groups in which every member of a group is the same response: the same rewards,
     * mask and critic values (constant-reward groups, e.g. every sample right or every sample wrong).
     */
    static Arbitrary<TokenBatch> constantGroups() {
        Arbitrary<int[]> picks = Arbitraries.integers().between(0, 5).array(int[].class).ofMinSize(2).ofMaxSize(8);
        return Combinators.combine(batches(), picks).as((templates, pick) -> {
            int b = pick.length;
            int[] groups = new int[b];
            double[][] r = new double[b][], v = new double[b][];
            boolean[][] m = new boolean[b][];
            for (int i = 0; i < b; i++) {
                int g = groups[i] = pick[i] % templates.size();                   // response i repeats template g
                r[i] = templates.rewards()[g].clone();
                v[i] = templates.values()[g].clone();
                m[i] = templates.mask()[g].clone();
            }
            return new TokenBatch(r, m, groups, v);
        });
    }

    /** The batch with every masked reward and value replaced by {@code junk}. */
    static TokenBatch withMaskedPositions(TokenBatch batch, double junk) {
        double[][] r = copy(batch.rewards()), v = copy(batch.values());
        for (int i = 0; i < r.length; i++)
            for (int j = 0; j < r[i].length; j++)
                if (!batch.mask()[i][j]) { r[i][j] = junk; v[i][j] = junk; }
        return new TokenBatch(r, batch.mask(), batch.groupIds(), v);
    }

    static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) c[i] = x[i].clone();
        return c;
    }
}
