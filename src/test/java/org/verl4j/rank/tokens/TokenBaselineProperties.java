package org.verl4j.rank.tokens;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Properties of the §5 baselines and correlation helpers that follow from their definitions. */
class TokenBaselineProperties {

    @Provide
    Arbitrary<double[]> samples() {
        return Arbitraries.doubles().between(-100, 100).array(double[].class).ofMinSize(2).ofMaxSize(40);
    }

    /** 0 ≤ H ≤ ln(#distinct ids) ≤ ln T, and H depends on the counts only (relabelling and order are irrelevant). */
    @Property(tries = 200)
    void unigramEntropyIsAtMostLnOfTheDistinctCountAndIgnoresLabelsAndOrder(
            @ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 12) Integer> ids, @ForAll @IntRange(min = 1, max = 1000) int shift) {
        int[] tokens = ids.stream().mapToInt(Integer::intValue).toArray();
        long distinct = Arrays.stream(tokens).distinct().count();
        double h = TokenFrequency.entropy(tokens);
        assertThat(h).isBetween(0.0, Math.log(distinct) + 1e-12);
        int[] relabelled = new int[tokens.length];
        for (int t = 0; t < tokens.length; t++) relabelled[tokens.length - 1 - t] = tokens[t] * 7 + shift;   // reversed, injective relabel
        assertThat(TokenFrequency.entropy(relabelled)).isCloseTo(h, within(1e-12));
        assertThat(TokenFrequency.confidence(relabelled)).isCloseTo(TokenFrequency.confidence(tokens), within(1e-12));
    }

    /** −ln p̂ of the most frequent ids is smallest, so the top-k confidence never exceeds the k'=all average. */
    @Property(tries = 200)
    void confidenceOfTheTopKNeverExceedsTheAverageOverAllIds(@ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 12) Integer> ids) {
        int[] tokens = ids.stream().mapToInt(Integer::intValue).toArray();
        int distinct = (int) Arrays.stream(tokens).distinct().count();
        assertThat(TokenFrequency.confidence(tokens)).isLessThanOrEqualTo(TokenFrequency.confidence(tokens, distinct) + 1e-12);
    }

    /** r ∈ [−1, 1], symmetric, unchanged by x → a·x + b with a &gt; 0 and negated with a &lt; 0; R² = r². */
    @Property(tries = 200)
    void pearsonIsASymmetricAffineInvariantCorrelationWhoseSquareIsRSquared(
            @ForAll("samples") double[] x, @ForAll("samples") double[] y0,
            @ForAll @DoubleRange(min = 0.01, max = 100) double a, @ForAll @DoubleRange(min = -50, max = 50) double b) {
        double[] y = Arrays.copyOf(y0, x.length);
        Assume.that(spread(x) > 1e-6 && spread(y) > 1e-6);
        double r = Correlation.pearson(x, y);
        assertThat(r).isBetween(-1 - 1e-12, 1 + 1e-12);
        assertThat(Correlation.pearson(y, x)).isCloseTo(r, within(1e-12));
        double[] moved = new double[x.length], flipped = new double[x.length];
        for (int i = 0; i < x.length; i++) { moved[i] = a * x[i] + b; flipped[i] = -a * x[i] + b; }
        assertThat(Correlation.pearson(moved, y)).isCloseTo(r, within(1e-9));
        assertThat(Correlation.pearson(flipped, y)).isCloseTo(-r, within(1e-9));
        assertThat(Correlation.rSquared(x, y)).isCloseTo(r * r, within(1e-9));
    }

    /** ρ depends on the order of the values only: a strictly increasing map of x leaves it unchanged. */
    @Property(tries = 200)
    void spearmanIsInvariantUnderStrictlyIncreasingMaps(@ForAll("samples") double[] x, @ForAll("samples") double[] y0) {
        double[] y = Arrays.copyOf(y0, x.length);
        Assume.that(spread(x) > 0 && spread(y) > 0);
        double[] mapped = new double[x.length];
        for (int i = 0; i < x.length; i++) mapped[i] = Math.cbrt(x[i]) + x[i] * x[i] * x[i];   // strictly increasing
        assertThat(Correlation.spearman(mapped, y)).isCloseTo(Correlation.spearman(x, y), within(1e-12));
    }

    private static double spread(double[] v) {
        return Arrays.stream(v).max().orElse(0) - Arrays.stream(v).min().orElse(0);
    }
}
