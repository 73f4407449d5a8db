package org.verl4j.rollout;

import java.io.Serializable;
import java.util.List;

/**
 * How responses are sampled; validated on construction. The distribution of the next token, from the logits ℓ:
 * <pre>
 *   temperature τ = 0     greedy: argmax ℓ (ties → lowest id), sampling log-prob 0
 *   otherwise            q = softmax(ℓ / τ)
 *                        top-k  (k &gt; 0):  keep the k most probable ids (ties at the k-th by lower id)
 *                        top-p  (p &lt; 1):  keep the smallest most-probable-first prefix with Σ q ≥ p
 *                        min-p  (m &gt; 0):  keep ids with q ≥ m · max q
 *                        renormalise what is kept, draw one id         (order as Hugging Face's warpers)
 * </pre>
 * Defaults (one place): {@link #DEFAULTS} — n 1, τ 1, top-p 1, top-k 0 (off), min-p 0 (off), 256 new tokens,
 * seed 0, no stop strings.
 *
 * @param n             samples per prompt, ≥ 1
 * @param temperature   τ ≥ 0 (0 = greedy)
 * @param topP          p ∈ (0, 1]
 * @param topK          k ≥ 0 (0 = off)
 * @param minP          m ∈ [0, 1)
 * @param maxNewTokens  ≥ 1
 * @param seed          the run's seed (each response's stream also depends on its prompt id and sample index)
 * @param stop          stop strings: a response ends (finish {@code stop}) once its decoded text contains one
 */
public record SamplingConfig(int n, double temperature, double topP, int topK, double minP, int maxNewTokens,
                             long seed, List<String> stop) implements Serializable {

    public static final SamplingConfig DEFAULTS = new SamplingConfig(1, 1.0, 1.0, 0, 0.0, 256, 0L, List.of());

    public SamplingConfig {
        if (n < 1) throw new IllegalArgumentException("n (samples per prompt) must be ≥ 1, got " + n);
        if (!(temperature >= 0) || Double.isInfinite(temperature))
            throw new IllegalArgumentException("temperature must be finite and ≥ 0 (0 = greedy), got " + temperature);
        if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        if (topK < 0) throw new IllegalArgumentException("top-k must be ≥ 0 (0 = off), got " + topK);
        if (!(minP >= 0 && minP < 1)) throw new IllegalArgumentException("min-p must be in [0, 1), got " + minP);
        if (maxNewTokens < 1) throw new IllegalArgumentException("max new tokens must be ≥ 1, got " + maxNewTokens);
        stop = List.copyOf(stop);
        for (String s : stop) if (s.isEmpty()) throw new IllegalArgumentException("a stop string must not be empty");
    }

    /** Without stop strings. */
    public SamplingConfig(int n, double temperature, double topP, int topK, double minP, int maxNewTokens, long seed) {
        this(n, temperature, topP, topK, minP, maxNewTokens, seed, List.of());
    }

    public boolean greedy() {
        return temperature == 0;
    }

    public SamplingConfig withN(int samples) {
        return new SamplingConfig(samples, temperature, topP, topK, minP, maxNewTokens, seed, stop);
    }

    public SamplingConfig withTemperature(double t) {
        return new SamplingConfig(n, t, topP, topK, minP, maxNewTokens, seed, stop);
    }

    public SamplingConfig withTopP(double p) {
        return new SamplingConfig(n, temperature, p, topK, minP, maxNewTokens, seed, stop);
    }

    public SamplingConfig withTopK(int k) {
        return new SamplingConfig(n, temperature, topP, k, minP, maxNewTokens, seed, stop);
    }

    public SamplingConfig withMinP(double m) {
        return new SamplingConfig(n, temperature, topP, topK, m, maxNewTokens, seed, stop);
    }

    public SamplingConfig withMaxNewTokens(int max) {
        return new SamplingConfig(n, temperature, topP, topK, minP, max, seed, stop);
    }

    public SamplingConfig withSeed(long s) {
        return new SamplingConfig(n, temperature, topP, topK, minP, maxNewTokens, s, stop);
    }

    public SamplingConfig withStop(List<String> strings) {
        return new SamplingConfig(n, temperature, topP, topK, minP, maxNewTokens, seed, strings);
    }
}
