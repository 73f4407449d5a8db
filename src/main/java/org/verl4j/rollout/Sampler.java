package org.verl4j.rollout;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws the next token from one row of logits ℓ [V] as {@link SamplingConfig} defines, and measures the
 * temperature-1 distribution π = softmax(ℓ) on the way (in double):
 * <pre>
 *   log Z = max ℓ + log Σ_v exp(ℓ_v − max ℓ)
 *   log π(y) = ℓ_y − log Z,      H = −Σ_v π_v (ℓ_v − log Z)
 * </pre>
 * Sampling walks the kept ids — most-probable first (ties by lower id) when a filter is on, in id order when none
 * is — and stops where the running mass first exceeds u · Σ_kept q, u = {@code rng.nextDouble()}. Not thread-safe (scratch buffers); one per worker.
 */
final class Sampler {

    private final SamplingConfig config;
    private double[] q = new double[0];
    private long[] order = new long[0];

    Sampler(SamplingConfig config) {
        this.config = config;
    }

    TokenChoice next(float[] logits, SplittableRandom rng) {
        int vocab = logits.length;
        double max = Double.NEGATIVE_INFINITY;
        int argmax = 0;
        for (int v = 0; v < vocab; v++) if (logits[v] > max) { max = logits[v]; argmax = v; }
        double sum = 0, weighted = 0;
        for (int v = 0; v < vocab; v++) {
            double e = Math.exp(logits[v] - max);
            sum += e;
            weighted += e * (logits[v] - max);
        }
        double logZ = max + Math.log(sum);                                       // log Z
        double entropy = Math.log(sum) - weighted / sum;                         // H = log Σe − Σ e·(ℓ−max)/Σe
        if (config.greedy()) return new TokenChoice(argmax, (float) (logits[argmax] - logZ), 0f, (float) entropy);
        int id = draw(logits, max, rng);
        return new TokenChoice(id, (float) (logits[id] - logZ), (float) samplingLogProb, (float) entropy);
    }

    private double samplingLogProb;

    /** Draws from q = softmax(ℓ/τ) filtered by top-k, top-p, min-p; sets {@link #samplingLogProb}. */
    private int draw(float[] logits, double max, SplittableRandom rng) {
        int vocab = logits.length;
        if (q.length < vocab) { q = new double[vocab]; order = new long[vocab]; }
        double tau = config.temperature(), total = 0;
        for (int v = 0; v < vocab; v++) total += q[v] = Math.exp((logits[v] - max) / tau);   // q_v·Z_τ, max q = 1
        boolean filtered = config.topK() > 0 || config.topP() < 1 || config.minP() > 0;
        int candidates = filtered ? sortCandidates(vocab, total) : vocab;
        if (!filtered) for (int v = 0; v < vocab; v++) order[v] = v;                         // plain: id order
        int kept = config.topK() > 0 ? Math.min(config.topK(), candidates) : candidates;      // top-k
        if (config.topP() < 1) {                                                               // top-p, of what top-k kept
            double topKMass = config.topK() > 0 ? 0 : total, mass = 0;
            if (config.topK() > 0) for (int i = 0; i < kept; i++) topKMass += q[id(i)];
            for (int i = 0; i < kept; i++) {
                mass += q[id(i)];
                if (mass >= config.topP() * topKMass) { kept = i + 1; break; }
            }
        }
        if (config.minP() > 0) {                                                               // min-p (max q = 1)
            int i = 1;
            while (i < kept && q[id(i)] >= config.minP() * q[id(0)]) i++;
            kept = i;
        }
        double keptMass = 0;
        for (int i = 0; i < kept; i++) keptMass += q[id(i)];
        double u = rng.nextDouble() * keptMass, run = 0;
        int chosen = id(kept - 1);
        for (int i = 0; i < kept; i++) {
            run += q[id(i)];
            if (run > u) { chosen = id(i); break; }
        }
        samplingLogProb = Math.log(q[chosen] / keptMass);
        return chosen;
    }

    /**
     * Sorts (q desc, id asc) only the ids with q ≥ c into {@code order[0, m)}, lowering c (2⁻¹⁰ at a time from
     * max q = 1) until they surely hold what the filters keep: at least k ids (top-k), mass ≥ p·Σq (top-p: the
     * kept prefix of the full order lies inside), and every id with q ≥ m (min-p). The result equals a sort of the
     * whole vocabulary restricted to its first m entries (up to float-precision ties exactly at the cut) — O(V) plus
     * a sort of the few likely ids, not O(V log V) per token (Qwen's V is 151,936).
     */
    private int sortCandidates(int vocab, double total) {
        double minP = config.minP() > 0 ? config.minP() : 0;
        for (double c = 0x1p-10; ; c *= 0x1p-10) {
            double cut = c < Double.MIN_NORMAL ? 0 : Math.min(c, minP > 0 ? minP : c);
            int m = 0;
            double mass = 0;
            for (int v = 0; v < vocab; v++)
                if (q[v] >= cut) {
                    long bits = Float.floatToIntBits((float) (q[v] / total));                  // ≥ 0: monotone in q
                    order[m++] = ((long) (Integer.MAX_VALUE - (int) bits) << 32) | v;           // q desc, id asc
                    mass += q[v];
                }
            int k = config.topK();
            boolean enough = m == vocab || (k == 0 || m >= k)                                  // top-k ⊆ S
                    && (config.topP() >= 1 || k > 0 || mass >= config.topP() * total);         // top-p prefix ⊆ S
            // min-p: cut ≤ m·max q = m, so every id it keeps is in S
            if (enough) {
                Arrays.sort(order, 0, m);
                return m;
            }
        }
    }

    private int id(int rank) {
        return (int) order[rank];
    }
}
