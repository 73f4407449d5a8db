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
