package org.verl4j.trainstep;

import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Value;
import org.verl4j.rl.ActorLoss;
import org.verl4j.rl.KlEstimator;
import org.verl4j.rl.PolicyLoss;

import static org.verl4j.trainstep.TokenTerms.aggregate;
import static org.verl4j.trainstep.TokenTerms.masked;
import static org.verl4j.trainstep.TokenTerms.maskedMean;

/**
 * The actor loss of {@link ActorLoss} / {@link PolicyLoss} (ALGORITHM.md §8) as graph code, term for term:
 * <pre>
 * Δ  = clamp(logπ − logπ_old, −20, 20)          ρ = exp(Δ)
 * ℓ1 = −A·ρ      ℓ2 = −A·clamp(ρ, 1 − ε_low, 1 + ε_high)      ℓc = max(ℓ1, ℓ2)
 * ℓ  = A &lt; 0 ? min(−A·c, ℓc) : ℓc                (dual clip; without it ℓ = ℓc)
 * L  = aggregate(ℓ) − c_H·aggregate(H) + β·aggregate(k(logπ, logπ_ref))
 * </pre>
 * Structure (aggregation, KL estimator, dual clip on/off) is fixed when the graph is built; the numbers ε_low,
 * ε_high, c, c_H and β are scalar graph inputs. Unlike {@code ActorLoss} with β = 0, the KL term is always
 * computed (feed β = 0 to drop it from the loss; the {@code kl} diagnostic is still reported).
 */
final class ActorLossGraph {

    /** Scalar hyperparameter inputs. */
    record Hyper(Value clipLow, Value clipHigh, Value dualClip, Value entropyCoeff, Value klCoeff) {
    }

    /** The loss and its diagnostics, all scalars. */
    record Terms(Value loss, Value pgLoss, Value clipFraction, Value clipFractionLower, Value approxKl,
                 Value entropy, Value kl) {
    }

    private ActorLossGraph() {
    }

    static Terms build(GraphBuilder g, ActorLoss structure, Hyper h, Value logProb, Value oldLogProb, Value refLogProb,
                       Value advantages, Value entropy, Value mask) {
        PolicyLoss policy = structure.policy();
        Value a = masked(g, advantages, mask);                                  // A (0 at masked positions)
        Value old = masked(g, oldLogProb, mask);
        Value ref = masked(g, refLogProb, mask);
        Value one = g.scalarLike(logProb, 1);
        Value limit = g.scalarLike(logProb, PolicyLoss.LOG_RATIO_CLAMP);
        Value delta = g.clip(g.sub(logProb, old), g.neg(limit), limit).named("delta");            // Δ
        Value rho = g.exp(delta).named("rho");                                                     // ρ
        Value negA = g.neg(a);
        Value l1 = g.mul(negA, rho).named("l1");                                                   // ℓ1
        Value l2 = g.mul(negA, g.clip(rho, g.sub(one, h.clipLow()), g.add(one, h.clipHigh()))).named("l2");   // ℓ2
        Value lc = g.max(l1, l2).named("l_clip");                                                  // ℓc
        Value zero = g.scalarLike(a, 0);
        Value l = lc, lower = g.mul(a, zero);
        if (policy.dualClip().isPresent()) {
            Value l3 = g.mul(negA, h.dualClip()).named("l3");                                      // ℓ3 = −A·c
            Value negative = g.less(a, zero);
            l = g.where(negative, g.min(l3, lc), lc);
            lower = g.cast(g.and(g.greater(lc, l3), negative), a.type());
        }
        Value pgLoss = aggregate(g, l.named("l_pg"), mask, policy.aggregation()).named("pg_loss");
        Value clipFraction = maskedMean(g, g.cast(g.greater(l2, l1), a.type()), mask).named("pg_clipfrac");
        Value clipFractionLower = maskedMean(g, lower, mask).named("pg_clipfrac_lower");
        Value approxKl = maskedMean(g, g.neg(delta), mask).named("ppo_kl");
        Value h_ = aggregate(g, entropy, mask, policy.aggregation()).named("entropy_agg");
        Value k = klEstimate(g, structure.klEstimator(), logProb, ref).named("kl_token");
        Value kl = aggregate(g, k, mask, policy.aggregation()).named("kl_agg");
        Value loss = g.add(g.sub(pgLoss, g.mul(h.entropyCoeff(), h_)), g.mul(h.klCoeff(), kl));
        return new Terms(loss, pgLoss, clipFraction, clipFractionLower, approxKl, h_, kl);
    }

    /** k(logπ, logπ_ref) per token as {@link KlEstimator#of}, with d = logπ − logπ_ref. */
    static Value klEstimate(GraphBuilder g, KlEstimator estimator, Value logProb, Value refLogProb) {
        Value d = g.sub(logProb, refLogProb);
        return switch (estimator) {
            case K1 -> d;                                                                          // d
            case ABS -> g.abs(d);                                                                  // |d|
            case K2 -> g.mul(g.scalarLike(d, 0.5), g.mul(d, d));                                   // ½d²
            case K3 -> {                                                                           // exp(−d) + d − 1
                Value negD = g.neg(d);
                Value k = g.sub(g.sub(g.exp(negD), negD), g.scalarLike(d, 1));
                Value c = g.scalarLike(d, KlEstimator.K3_CLAMP);
                yield g.clip(k, g.neg(c), c);
            }
        };
    }
}
