package org.verl4j.rl;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every convention where verl4j's RL math differs from verl's {@code core_algos.py} / {@code torch_functional.py},
 * each pinned: verl4j's value, and the size of the gap to a plain double transcription of verl's formula
 * ({@link Verl} below, written from verl's source: {@code masked_mean = Σ m·x / (Σ m + 1e-8)}, {@code masked_whiten},
 * GRPO's {@code torch.mean}, GAE without a final mask). The dual clip (verl always applies c = 3) is PolicyLoss's.
 */
class VerlDifferencesTest {

    static final long SEED = 20260802L;

    /** verl's formulas, transcribed in double. */
    static final class Verl {

        static double maskedMean(double[][] x, boolean[][] m) {
            double s = 0, n = 0;
            for (int i = 0; i < x.length; i++) for (int t = 0; t < x[i].length; t++) if (m[i][t]) { s += x[i][t]; n++; }
            return s / (n + 1e-8);
        }

        /** masked_whiten(shift_mean=True): (x − μ)·rsqrt(var + 1e-8) at EVERY position (no final mask). */
        static double[][] maskedWhiten(double[][] x, boolean[][] m) {
            double mu = maskedMean(x, m), n = 0;
            double[][] c2 = new double[x.length][x[0].length];
            for (int i = 0; i < x.length; i++)
                for (int t = 0; t < x[i].length; t++) { c2[i][t] = (x[i][t] - mu) * (x[i][t] - mu); if (m[i][t]) n++; }
            double var = maskedMean(c2, m) * n / (n - 1);                        // Bessel
            double[][] out = new double[x.length][x[0].length];
            for (int i = 0; i < x.length; i++)
                for (int t = 0; t < x[i].length; t++) out[i][t] = (x[i][t] - mu) / Math.sqrt(var + 1e-8);
            return out;
        }

        /** GRPO of one group with torch.mean / torch.std: plain Σ/n. */
        static double[] grpo(double[] s) {
            double mean = 0;
            for (double v : s) mean += v;
            mean /= s.length;
            double ss = 0;
            for (double v : s) ss += (v - mean) * (v - mean);
            double std = Math.sqrt(ss / (s.length - 1));
            double[] a = new double[s.length];
            for (int i = 0; i < s.length; i++) a[i] = (s[i] - mean) / (std + 1e-6);
            return a;
        }
    }

    static double[][] random(Random rnd, int b, int t, double offset) {
        double[][] x = new double[b][t];
        for (double[] row : x) for (int j = 0; j < t; j++) row[j] = offset + rnd.nextGaussian();
        return x;
    }

    @Test
    void whiteningDividesByNWhereVerlDividesByNPlusEpsilon() {
        Random rnd = new Random(SEED);
        for (int trial = 0; trial < 50; trial++) {
            boolean[][] m = TokenMask.ofLengths(new int[]{1 + rnd.nextInt(6), 1 + rnd.nextInt(6), 1 + rnd.nextInt(6)}, 6);
            double[][] x = random(rnd, 3, 6, 3 * rnd.nextGaussian());
            double[][] ours = MaskedWhitening.whiten(x, m), verl = Verl.maskedWhiten(x, m);
            double n = 0, mu = 0;
            for (int i = 0; i < 3; i++) for (int t = 0; t < 6; t++) if (m[i][t]) { n++; mu += x[i][t]; }
            mu /= n;
            double scale = Math.abs(ours[0][0]) / Math.max(Math.abs(x[0][0] - mu), 1e-300);   // 1/√(σ² + 1e-8)
            for (int i = 0; i < 3; i++)
                for (int t = 0; t < 6; t++) {
                    if (!m[i][t]) { assertThat(ours[i][t]).as("seed %d trial %d pad", SEED, trial).isZero(); continue; }
                    // μ moves by |μ|·1e-8/N, σ² by a relative 1e-8/N: |Δx̂| ≤ 2·1e-8/N·(|μ|·scale + |x̂|), plus rounding
                    double bound = 2e-8 / n * (Math.abs(mu) * scale + Math.abs(ours[i][t])) + 1e-13;
                    assertThat(ours[i][t]).as("seed %d trial %d [%d][%d]", SEED, trial, i, t).isCloseTo(verl[i][t], within(bound));
                }
        }
    }

    @Property(tries = 300)
    void constantInputsWhitenToExactZerosWhereVerlGetsTheOneOverRootEpsilonFactor(
            @ForAll @DoubleRange(min = -10, max = 10) double c, @ForAll @IntRange(min = 2, max = 40) int n) {
        boolean[][] m = TokenMask.ofLengths(new int[]{n}, n);
        double[][] x = new double[1][n];
        java.util.Arrays.fill(x[0], c);
        assertThat(MaskedWhitening.whiten(x, m)[0]).containsOnly(0.0);
        // verl: x − μ = c·1e-8/(N + 1e-8) and var ≈ c²·1e-16/N² ≪ 1e-8, so x̂ ≈ c·1e-8/N · 1e4 = c·1e-4/N. Relative
        // error: var/1e-8 ≤ 1e-6, and the double sum behind μ (≤ N·1.2e-16·|c|) against c·1e-8/N: 1.2e-8·N².
        double expected = c * 1e-4 / n;
        assertThat(Verl.maskedWhiten(x, m)[0][0]).isCloseTo(expected, within(Math.abs(expected) * (2e-6 + 2e-8 * n * n) + 1e-15));
    }

    @Test
    void lossMeansAndDiagnosticMeansDivideByTheTokenCountWithoutEpsilon() {
        Random rnd = new Random(SEED + 1);
        boolean[][] m = TokenMask.ofLengths(new int[]{3, 1, 5}, 5);
        double[][] loss = random(rnd, 3, 5, 0.5);
        double total = 0, rows = 0, rowsVerl = 0;
        int n = 0;
        for (int i = 0; i < 3; i++) {
            double row = 0;
            int ni = 0;
            for (int t = 0; t < 5; t++) if (m[i][t]) { total += loss[i][t]; row += loss[i][t]; n++; ni++; }
            rows += row / ni;
            rowsVerl += row / (ni + 1e-8);
        }
        // verl4j: the plain means, same summation order, so bit for bit
        assertThat(LossAggregation.TOKEN_MEAN.aggregate(loss, m)).as("seed %d", SEED + 1).isEqualTo(total / n);
        assertThat(LossAggregation.maskedMean(loss, m)).isEqualTo(total / n);
        assertThat(LossAggregation.SEQ_MEAN_TOKEN_MEAN.aggregate(loss, m)).isEqualTo(rows / 3);
        // verl: N + 1e-8 (token-mean, diagnostics), n_i + 1e-8 (seq-mean-token-mean in some versions): ≤ 1e-8/n relative
        double tokenMean = total / n;
        assertThat(Verl.maskedMean(loss, m)).isNotEqualTo(tokenMean)
                .isCloseTo(tokenMean, within(Math.abs(tokenMean) * 1e-8 / n + Math.ulp(tokenMean) * 4));
        assertThat(rowsVerl / 3).isCloseTo(rows / 3, within(1e-8 * Math.abs(rows) + 1e-15));
    }

    @Test
    void constantGrpoGroupsGetExactZerosWhereAPlainMeanLeavesRoundingOverEpsilon() {
        double[] s = {0.1, 0.1, 0.1};                 // Σ/n = 0.10000000000000002 ≠ 0.1
        assertThat(new Grpo().perResponse(s, new int[3])).containsOnly(0.0);
        assertThat(new DrGrpo().perResponse(s, new int[3])).containsOnly(0.0);
        assertThat(new Rloo().perResponse(s, new int[3])).containsOnly(0.0);
        double verl = Verl.grpo(s)[0];               // (0.1 − 0.10000000000000002)/(0 + 1e-6) ≈ −1.4e-11
        assertThat(verl).isNotZero().isCloseTo(-1.4e-11, within(0.1e-11));
    }

    @Test
    void paddedPositionsHoldZeroWhereVerlsGaeLeavesValuesAndWhitenedOffsets() {
        double[][] r = {{0, 0, 1, 0}, {0, -1, 0, 0}};
        double[][] v = {{0.5, 0.6, 0.7, 0.9}, {0.2, 0.1, 0.8, 0.3}};
        boolean[][] m = TokenMask.ofLengths(new int[]{3, 2}, 4);
        Advantages a = new Gae().estimate(new TokenBatch(r, m, new int[]{0, 1}, v));
        // verl, γ = λ = 1 with its masked recursion: Â = Σ_{t'≥t} r − V_t on valid tokens, 0 after the EOS
        double[][] raw = {{1 - 0.5, 1 - 0.6, 1 - 0.7, 0}, {-1 - 0.2, -1 - 0.1, 0, 0}};
        double[][] verlAdv = Verl.maskedWhiten(raw, m);
        for (int i = 0; i < 2; i++)
            for (int t = 0; t < 4; t++) {
                if (m[i][t]) {
                    assertThat(a.advantages()[i][t]).isCloseTo(verlAdv[i][t], within(1e-7));      // 1e-8/N relative
                    assertThat(a.returns()[i][t]).isCloseTo(raw[i][t] + v[i][t], within(1e-15));
                } else {
                    assertThat(a.advantages()[i][t]).isZero();
                    assertThat(a.returns()[i][t]).isZero();
                    assertThat(verlAdv[i][t]).isNotZero();                                      // −μ/σ
                }
            }
    }
}
