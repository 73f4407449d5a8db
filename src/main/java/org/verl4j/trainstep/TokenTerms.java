package org.verl4j.trainstep;

import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Value;
import org.verl4j.rl.LossAggregation;

/**
 * Per-token building blocks shared by the loss graphs: masking, the three aggregations of
 * {@link LossAggregation}, and log-probabilities and entropies from logits.
 */
final class TokenTerms {

    private TokenTerms() {
    }

    /**
     * {@code x} with masked positions replaced by 0 (a Where, not a product: masked positions may hold NaN or
     * padding, which a product would spread into the loss and its gradient).
     */
    static Value masked(GraphBuilder g, Value x, Value mask) {
        return g.where(mask, x, g.scalarLike(x, 0));
    }

    /**
     * L of ℓ[B, T] over the valid tokens m, as {@link LossAggregation#aggregate} (no ε: every row has a valid token):
     * <pre>
     * TOKEN_MEAN            L = Σ_i Σ_t m·ℓ / Σ_i Σ_t m
     * SEQ_MEAN_TOKEN_SUM    L = (1/B) Σ_i Σ_t m·ℓ
     * SEQ_MEAN_TOKEN_MEAN   L = (1/B) Σ_i (Σ_t m·ℓ / Σ_t m)
     * </pre>
     */
    static Value aggregate(GraphBuilder g, Value loss, Value mask, LossAggregation mode) {
        Value m = g.cast(mask, loss.type());
        Value mLoss = masked(g, loss, mask);                                    // m·ℓ
        return switch (mode) {
            case TOKEN_MEAN -> g.div(g.reduceSumAll(mLoss), g.reduceSumAll(m));
            case SEQ_MEAN_TOKEN_SUM -> g.reduceMean(g.reduceSum(mLoss, false, 1), false, 0);
            case SEQ_MEAN_TOKEN_MEAN -> g.reduceMean(g.div(g.reduceSum(mLoss, false, 1), g.reduceSum(m, false, 1)), false, 0);
        };
    }

    /** Σ m·x / Σ m: diagnostics, whatever the loss aggregation. */
    static Value maskedMean(GraphBuilder g, Value x, Value mask) {
        return aggregate(g, x, mask, LossAggregation.TOKEN_MEAN);
    }

    /** log π(y_t) = log_softmax(z)[y_t] from logits z[B, T, V] and tokens y[B, T]: [B, T]. */
    static Value tokenLogProbs(GraphBuilder g, Value logSoftmax, Value tokens) {
        return g.squeeze(g.gatherElements(logSoftmax, g.unsqueeze(tokens, -1), -1), -1);
    }

    /** H = −Σ_v p_v log p_v with p = softmax(z), from log_softmax(z)[B, T, V]: [B, T]. */
    static Value entropy(GraphBuilder g, Value logSoftmax) {
        return g.neg(g.reduceSum(g.mul(g.exp(logSoftmax), logSoftmax), false, -1));
    }
}
