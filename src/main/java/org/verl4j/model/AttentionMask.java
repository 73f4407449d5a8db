package org.verl4j.model;

import org.verl4j.graph.Dim;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Value;


/**
 * Which keys each query of a causal decoder sees, with left padding and a KV cache:
 * <pre>
 *   query s (absolute index P + s) sees key t  ⇔  t ≤ P + s  ∧  mask[b, t] = 1,     P = T − S
 *   visible[b, 0, 0, s, t]                                                           [B, 1, 1, S, T]
 *   scores' = where(visible, scores, −1e9)
 * </pre>
 * Hidden scores are replaced by a large finite negative (not added to it, not −∞): a padded query sees no key, so
 * its softmax row is exactly uniform and independent of the parameters — finite, with zero gradient; such rows
 * are never read.
 */
final class AttentionMask {

    static final double HIDDEN = -1e9;

    private AttentionMask() {
    }

    /** The visibility for {@code ids [B, S]} and {@code mask [B, T]} (INT64), BOOL [B, 1, 1, S, T]. */
    static Value visible(GraphBuilder g, Value ids, Value mask) {
        Value one = g.scalar(1, ElementType.INT64), zero = g.scalar(0, ElementType.INT64);
        Value total = g.gather(g.shape(mask), one, 0).named("T");
        Value seq = g.gather(g.shape(ids), one, 0).named("S");
        Value past = g.sub(total, seq).named("P");
        Value keyIndex = range(g, zero, total, mask.shape().dim(1));                     // t = 0 … T−1
        Value queryIndex = g.unsqueeze(range(g, past, total, ids.shape().dim(1)), -1);   // P + s, [S, 1]
        Value causal = g.lessOrEqual(keyIndex, queryIndex).named("causal");              // [S, T]
        Value real = g.unsqueeze(g.equal(mask, one), 1);                                 // [B, 1, T]
        Value visible = g.and(causal, real);                                             // [B, S, T]
        return g.unsqueeze(visible, 1, 2).named("visible");                              // [B, 1, 1, S, T]
    }

    /** {@code [start, limit)} in steps of one, declared with its known length (T or S) so the shapes downstream
     *  stay symbolic rather than unknown. */
    private static Value range(GraphBuilder g, Value start, Value limit, Dim length) {
        return g.range(start, limit, g.scalar(1, ElementType.INT64), length);
    }
}
