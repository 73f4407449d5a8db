package org.verl4j.rl;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Properties of GRPO that follow from its definition (ALGORITHM.md §8, §11). One group of 2–10 responses. */
class GrpoProperties {

    @Provide
    Arbitrary<double[]> spreadScores() {
        return Arbitraries.doubles().between(-5, 5).array(double[].class).ofMinSize(2).ofMaxSize(10);
    }

    static double std(double[] x) {
        double m = 0;
        for (double v : x) m += v;
        m /= x.length;
        double ss = 0;
        for (double v : x) ss += (v - m) * (v - m);
        return Math.sqrt(ss / (x.length - 1));
    }

    @Property(tries = 300)
    void advantagesOfAGroupHaveZeroMeanAndUnitSampleStdWhenSigmaDominatesEpsilon(@ForAll("spreadScores") double[] s) {
        Assume.that(std(s) > 0.01);                                  // σ ≫ ε = 1e-6
        double[] a = new Grpo().perResponse(s, new int[s.length]);
        double mean = 0;
        for (double v : a) mean += v;
        assertThat(mean / a.length).isCloseTo(0, within(1e-12));
        assertThat(std(a)).isCloseTo(1, within(1e-4));               // exactly σ/(σ + ε)
    }

    @Property(tries = 300)
    void advantagesAreInvariantToPositiveAffineMapsOfTheScores(@ForAll("spreadScores") double[] s,
                                                               @ForAll @DoubleRange(min = 0.5, max = 10) double a,
                                                               @ForAll @DoubleRange(min = -10, max = 10) double b) {
        Assume.that(std(s) > 0.1);
        double[] mapped = new double[s.length];
        for (int i = 0; i < s.length; i++) mapped[i] = a * s[i] + b;
        int[] g = new int[s.length];
        assertThat(new Grpo().perResponse(mapped, g)).containsExactly(new Grpo().perResponse(s, g), within(1e-4));
        assertThat(new Grpo(0).perResponse(mapped, g)).containsExactly(new Grpo(0).perResponse(s, g), within(1e-9));
    }

    @Property(tries = 300)
    void permutingResponsesPermutesTheirAdvantages(@ForAll("spreadScores") double[] s, @ForAll long seed) {
        int n = s.length;
        int[] groups = new int[n], perm = new int[n];
        java.util.Random rnd = new java.util.Random(seed);
        for (int i = 0; i < n; i++) { groups[i] = rnd.nextInt(3); perm[i] = i; }
        for (int i = n - 1; i > 0; i--) { int j = rnd.nextInt(i + 1); int t = perm[i]; perm[i] = perm[j]; perm[j] = t; }
        double[] ps = new double[n];
        int[] pg = new int[n];
        for (int i = 0; i < n; i++) { ps[i] = s[perm[i]]; pg[i] = groups[perm[i]]; }
        double[] a = new Grpo().perResponse(s, groups), pa = new Grpo().perResponse(ps, pg);
        for (int i = 0; i < n; i++) assertThat(pa[i]).isCloseTo(a[perm[i]], within(1e-12));
    }

    @Property(tries = 100)
    void aGroupOfOnePassesItsScoreThroughScaledByOnePlusEpsilon(@ForAll @DoubleRange(min = -5, max = 5) double s) {
        assertThat(new Grpo().perResponse(new double[]{s}, new int[]{7})[0]).isEqualTo(s / (1 + 1e-6));
    }

    @Property(tries = 100)
    void equalScoresGiveZeroAdvantage(@ForAll @DoubleRange(min = -5, max = 5) double s) {
        assertThat(new Grpo().perResponse(new double[]{s, s, s}, new int[3])).containsOnly(0.0);
    }
}
