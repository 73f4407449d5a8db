package org.verl4j.analysis;

import org.verl4j.rank.tokens.PolicyUncertainty;
import org.verl4j.rank.tokens.TokenFrequency;

/**
 * The per-response quantities of the paper's motivation figure (ALGORITHM.md §5): the rank pair and the token pair.
 * <pre>
 * ER, ERV                  ALGORITHM.md §2–§3, of the response's hidden states
 * H_uni = −Σ_v p̂_v ln p̂_v  unigram entropy of the response's token ids ({@link TokenFrequency#entropy})
 * logp̄  = (1/T) Σ_t log π(y_t | …)   average log-probability ({@link PolicyUncertainty#averageLogProbability})
 * </pre>
 *
 * @param id             the response's prompt id
 * @param sample         its sample index
 * @param tokens         T, generated tokens (as the rollouts file lists them)
 * @param er             ER
 * @param erv            ERV; meaningful only when {@code ervMeasured}
 * @param ervMeasured    a velocity window existed (T ≥ 2s + 1); unmeasured responses leave the ER–ERV pair
 * @param unigramEntropy H_uni
 * @param avgLogProb     logp̄
 */
public record ResponseMetrics(String id, int sample, int tokens, double er, double erv, boolean ervMeasured,
                              double unigramEntropy, double avgLogProb) {

    public ResponseMetrics {
        if (tokens < 1) throw new IllegalArgumentException(id + "-" + sample + ": an empty response has no metrics");
    }

    /** The token pair from ids and log-probs (one each per token), with the rank pair given. */
    public static ResponseMetrics of(String id, int sample, int[] tokenIds, double[] logProbs, double er, double erv,
                                     boolean ervMeasured) {
        if (tokenIds.length != logProbs.length)
            throw new IllegalArgumentException(id + "-" + sample + ": " + tokenIds.length + " token ids but "
                    + logProbs.length + " log-probs");
        if (tokenIds.length == 0) throw new IllegalArgumentException(id + "-" + sample + ": empty response");
        return new ResponseMetrics(id, sample, tokenIds.length, er, erv, ervMeasured, TokenFrequency.entropy(tokenIds),
                PolicyUncertainty.averageLogProbability(logProbs));
    }
}
