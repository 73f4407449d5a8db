package org.verl4j.trainstep;

import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Value;
import org.verl4j.rl.LossAggregation;
import org.verl4j.rl.ValueLoss;

import static org.verl4j.trainstep.TokenTerms.aggregate;
import static org.verl4j.trainstep.TokenTerms.masked;
import static org.verl4j.trainstep.TokenTerms.maskedMean;

/**
 * The critic loss of {@link ValueLoss} (ALGORITHM.md §8) as graph code:
 * <pre>
 * V_clip = clamp(V, V_old − c, V_old + c)
 * ℓ      = max((V − R)², (V_clip − R)²)
 * L      = ½ · aggregate(ℓ)
 * clip fraction = masked_mean[(V_clip − R)² &gt; (V − R)²]
 * </pre>
 * The clip range c is a scalar input. The clamp is written as max/min with tensor bounds (ONNX Clip takes scalar
 * bounds only); its gradient passes where V_old − c ≤ V ≤ V_old + c, as PyTorch's clamp does.
 */
final class ValueLossGraph {

    /** The loss and its clip fraction. */
    record Terms(Value loss, Value clipFraction) {
    }

    private ValueLossGraph() {
    }

    static Terms build(GraphBuilder g, LossAggregation aggregation, Value clipRange, Value values, Value oldValues,
                       Value returns, Value mask) {
        Value old = masked(g, oldValues, mask);
        Value r = masked(g, returns, mask);
        Value vClip = g.min(g.max(values, g.sub(old, clipRange)), g.add(old, clipRange)).named("v_clip");   // V_clip
        Value e1 = g.sub(values, r), e2 = g.sub(vClip, r);
        Value l1 = g.mul(e1, e1), l2 = g.mul(e2, e2);                                     // (V − R)², (V_clip − R)²
        Value loss = g.mul(g.scalarLike(values, 0.5), aggregate(g, g.max(l1, l2), mask, aggregation)).named("vf_loss");
        Value clipFraction = maskedMean(g, g.cast(g.greater(l2, l1), values.type()), mask).named("vf_clipfrac");
        return new Terms(loss, clipFraction);
    }
}
