package org.verl4j.rank.tokens;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Token-frequency baselines of one response (ALGORITHM.md §5), from its token ids alone.
 *
 * <pre>
 * p̂_v = count_v / T                                unigram frequency of token id v in the response
 * H   = − Σ_v p̂_v ln p̂_v                           unigram response entropy (natural log; 0 for one distinct id)
 * C   = − (1/k') Σ_{v ∈ top-k'} ln p̂_v            "confidence", top-k' by frequency, k' = min(k, #distinct), k = 5
 * </pre>
 * Ties in frequency do not matter for C: tied ids have the same ln p̂_v. An empty response has no distribution:
 * both throw.
 */
public final class TokenFrequency {

    /** k of the top-k confidence (ALGORITHM.md §5). */
    public static final int TOP_K = 5;

    private TokenFrequency() {
    }

    /** H = −Σ_v p̂_v ln p̂_v. */
    public static double entropy(int[] tokens) {
        double tokensT = tokens.length;
        double h = 0;
        for (int count : counts(tokens)) {
            double p = count / tokensT;                 // p̂_v
            h -= p * Math.log(p);                       // −p̂_v ln p̂_v
        }
        return h;
    }

    /** C with k = {@link #TOP_K}. */
    public static double confidence(int[] tokens) {
        return confidence(tokens, TOP_K);
    }

    /** C = −(1/k') Σ_{top-k'} ln p̂_v, k' = min(k, number of distinct ids). */
    public static double confidence(int[] tokens, int k) {
        if (k < 1) throw new IllegalArgumentException("top-k needs k ≥ 1, got " + k);
        int[] counts = counts(tokens);
        Arrays.sort(counts);                                        // ascending: the top k' are at the end
        int kPrime = Math.min(k, counts.length);                    // k'
        double sum = 0;
        for (int i = counts.length - kPrime; i < counts.length; i++)
            sum += Math.log(counts[i] / (double) tokens.length);    // ln p̂_v
        return -sum / kPrime;
    }

    /** Occurrences of each distinct id (order unspecified). */
    private static int[] counts(int[] tokens) {
        if (tokens.length == 0) throw new IllegalArgumentException("empty response: token frequencies need at least one token");
        Map<Integer, Integer> counts = new HashMap<>();
        for (int v : tokens) counts.merge(v, 1, Integer::sum);
        return counts.values().stream().mapToInt(Integer::intValue).toArray();
    }
}
