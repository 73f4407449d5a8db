package org.verl4j.rollout;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The sampling distribution against hand-computed ones on a 4-id vocabulary. */
class SamplerTest {

    // logits whose softmax is exactly (0.4, 0.3, 0.2, 0.1)
    private static final float[] LOGITS = {(float) Math.log(0.4), (float) Math.log(0.3), (float) Math.log(0.2), (float) Math.log(0.1)};

    private double[] frequencies(SamplingConfig c, long seed) {
        Sampler s = new Sampler(c);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] f = new double[4];
        int draws = 40_000;
        for (int i = 0; i < draws; i++) f[s.next(LOGITS, rng).id()] += 1.0 / draws;
        return f;
    }

    @Test
    void topPTopKAndMinPKeepWhatTheyShould() {
        // 40k draws: binomial standard error ≤ 0.0025, so 0.015 is six of them (seed 5 printed on failure)
        double[] topP = frequencies(SamplingConfig.DEFAULTS.withTopP(0.65), 5);           // keeps 0.4, 0.3 → 4/7, 3/7
        assertThat(topP[0]).as("seed 5").isCloseTo(4 / 7.0, within(0.015));
        assertThat(topP[2] + topP[3]).isZero();
        double[] topK = frequencies(SamplingConfig.DEFAULTS.withTopK(3), 5);              // 4/9, 3/9, 2/9
        assertThat(topK[2]).isCloseTo(2 / 9.0, within(0.015));
        assertThat(topK[3]).isZero();
        double[] minP = frequencies(SamplingConfig.DEFAULTS.withMinP(0.45), 5);          // q ≥ 0.18 → 0.4, 0.3, 0.2
        assertThat(minP[3]).isZero();
        assertThat(minP[0]).isCloseTo(4 / 9.0, within(0.015));
        double[] hot = frequencies(SamplingConfig.DEFAULTS.withTemperature(0.5), 5);     // ∝ p² = 16, 9, 4, 1
        assertThat(hot[0]).isCloseTo(16 / 30.0, within(0.015));
    }

    @Test
    void statisticsAreThoseOfTheTemperatureOneDistribution() {
        TokenChoice c = new Sampler(SamplingConfig.DEFAULTS.withTopP(0.65).withTemperature(0.7)).next(LOGITS, new SplittableRandom(1));
        double p = new double[]{0.4, 0.3, 0.2, 0.1}[c.id()];
        assertThat((double) c.logProb()).isCloseTo(Math.log(p), within(1e-6));
        double h = -(0.4 * Math.log(0.4) + 0.3 * Math.log(0.3) + 0.2 * Math.log(0.2) + 0.1 * Math.log(0.1));
        assertThat((double) c.entropy()).isCloseTo(h, within(1e-6));
        // q at τ = 0.7 over the kept {0, 1}: p^(1/τ) renormalised
        double q0 = Math.pow(0.4, 1 / 0.7), q1 = Math.pow(0.3, 1 / 0.7);
        assertThat((double) c.samplingLogProb()).isCloseTo(Math.log((c.id() == 0 ? q0 : q1) / (q0 + q1)), within(1e-6));
        TokenChoice greedy = new Sampler(SamplingConfig.DEFAULTS.withTemperature(0)).next(LOGITS, new SplittableRandom(1));
        assertThat(greedy.id()).isZero();
        assertThat(greedy.samplingLogProb()).isZero();
    }

    @Test
    void outOfRangeSettingsAreRefused() {
        assertThatThrownBy(() -> SamplingConfig.DEFAULTS.withTopP(0)).hasMessageContaining("top-p");
        assertThatThrownBy(() -> SamplingConfig.DEFAULTS.withTemperature(-1)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> SamplingConfig.DEFAULTS.withN(0)).hasMessageContaining("n (samples");
        assertThatThrownBy(() -> SamplingConfig.DEFAULTS.withMinP(1)).hasMessageContaining("min-p");
    }

    @Test
    void streamsDependOnSeedPromptAndSampleOnly() {
        assertThat(ResponseSeeds.stream(1, "a", 0).nextLong()).isEqualTo(ResponseSeeds.stream(1, "a", 0).nextLong());
        assertThat(ResponseSeeds.stream(1, "a", 0).nextLong()).isNotEqualTo(ResponseSeeds.stream(1, "a", 1).nextLong());
        assertThat(ResponseSeeds.stream(1, "a", 0).nextLong()).isNotEqualTo(ResponseSeeds.stream(1, "b", 0).nextLong());
        assertThat(ResponseSeeds.stream(1, "a", 0).nextLong()).isNotEqualTo(ResponseSeeds.stream(2, "a", 0).nextLong());
    }

    @Test
    void candidateSortEqualsAFullSortOnALargeVocabulary() {
        long seed = 42;                                                   // printed in the failure description
        java.util.Random random = new java.util.Random(seed);
        int vocab = 5000;
        SamplingConfig[] configs = {SamplingConfig.DEFAULTS.withTopP(0.9), SamplingConfig.DEFAULTS.withTopK(40).withTopP(0.8),
                SamplingConfig.DEFAULTS.withMinP(0.05).withTemperature(0.6), SamplingConfig.DEFAULTS.withTopP(0.999).withTemperature(1.7)};
        for (SamplingConfig c : configs)
            for (int trial = 0; trial < 25; trial++) {
                float[] logits = new float[vocab];
                double scale = 1 + 4 * random.nextDouble();
                for (int v = 0; v < vocab; v++) logits[v] = (float) (scale * random.nextGaussian());
                long stream = random.nextLong();
                TokenChoice fast = new Sampler(c).next(logits, new SplittableRandom(stream));
                double[] plain = plainDraw(logits, c, new SplittableRandom(stream));
                assertThat(fast.id()).as("seed %d, %s, trial %d", seed, c, trial).isEqualTo((int) plain[0]);
                assertThat((double) fast.samplingLogProb()).isCloseTo(plain[1], within(1e-5));
            }
    }

    /** The definition: sort every id by (q desc, id asc), filter, walk. Returns {id, log q(id)}. */
    private static double[] plainDraw(float[] logits, SamplingConfig c, SplittableRandom rng) {
        int vocab = logits.length;
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) max = Math.max(max, l);
        double[] q = new double[vocab];
        double total = 0;
        for (int v = 0; v < vocab; v++) total += q[v] = Math.exp((logits[v] - max) / c.temperature());
        double sum = total;
        Integer[] ids = new Integer[vocab];
        for (int v = 0; v < vocab; v++) ids[v] = v;
        java.util.Arrays.sort(ids, (a, b) -> {
            int byQ = Float.compare((float) (q[b] / sum), (float) (q[a] / sum));
            return byQ != 0 ? byQ : Integer.compare(a, b);
        });
        int kept = c.topK() > 0 ? c.topK() : vocab;
        double keptTopK = 0;
        for (int i = 0; i < kept; i++) keptTopK += q[ids[i]];
        double mass = 0;
        if (c.topP() < 1) for (int i = 0; i < kept; i++) if ((mass += q[ids[i]]) >= c.topP() * keptTopK) { kept = i + 1; break; }
        if (c.minP() > 0) { int i = 1; while (i < kept && q[ids[i]] >= c.minP() * q[ids[0]]) i++; kept = i; }
        double keptMass = 0;
        for (int i = 0; i < kept; i++) keptMass += q[ids[i]];
        double u = rng.nextDouble() * keptMass, run = 0;
        int chosen = ids[kept - 1];
        for (int i = 0; i < kept; i++) if ((run += q[ids[i]]) > u) { chosen = ids[i]; break; }
        return new double[]{chosen, Math.log(q[chosen] / keptMass)};
    }
}
