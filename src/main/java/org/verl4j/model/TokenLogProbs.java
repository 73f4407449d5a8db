package org.verl4j.model;

import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Value;

/**
 * Per-token log-probabilities of the tokens that follow, and the predictive entropy at each position:
 * <pre>
 *   ℓ[b, t]     = log_softmax(logits[b, t])                                           [B, S−1, V]
 *   logp[b, t]  = ℓ[b, t, ids[b, t+1]]          (log π(y_{t+1} | y_{≤t}))               [B, S−1]
 *   H[b, t]     = −Σ_v exp(ℓ[b, t, v]) · ℓ[b, t, v]                                   [B, S−1]
 * </pre>
 * Positions are those of the input: column t scores token t+1, so a response occupying columns
 * {@code [p, S)} of {@code ids} has its log-probs in columns {@code [p−1, S−1)}.
 *
 * @param logp    log-probabilities of the next tokens [B, S−1]
 * @param entropy predictive entropy [B, S−1] (nats)
 */
public record TokenLogProbs(Value logp, Value entropy) {

    /** From {@code logits [B, S, V]} and {@code ids [B, S]}. */
    public static TokenLogProbs of(GraphBuilder g, Value logits, Value ids) {
        Value scoring = g.slice(logits, new long[]{0}, new long[]{-1}, new long[]{1});      // logits[:, :-1]
        Value next = g.slice(ids, new long[]{1}, new long[]{Long.MAX_VALUE}, new long[]{1}); // ids[:, 1:]
        Value ell = g.logSoftmax(scoring, -1).named("log_softmax");
        Value logp = g.squeeze(g.gatherElements(ell, g.unsqueeze(next, -1), -1), -1).named("logp");
        Value entropy = g.neg(g.reduceSum(g.mul(g.exp(ell), ell), false, -1)).named("entropy");
        return new TokenLogProbs(logp, entropy);
    }
}
