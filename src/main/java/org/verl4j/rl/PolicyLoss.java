package org.verl4j.rl;

import java.util.OptionalDouble;

/**
 * PPO clipped-surrogate policy loss with separate low/high clip and optional dual clip (ALGORITHM.md §8; verl
 * {@code compute_policy_loss}). All inputs [B][T]; only valid tokens are read.
 *
 * <pre>
 * Δ      = clamp(logπ − logπ_old, −20, 20)
 * ρ      = exp(Δ)
 * ℓ1     = −A·ρ
 * ℓ2     = −A·clamp(ρ, 1 − ε_low, 1 + ε_high)
 * ℓc     = max(ℓ1, ℓ2)
 * ℓ3     = −A·c                                       dual clip, c &gt; 1 (3 in later verl), only A &lt; 0
 * ℓ      = A &lt; 0 ? min(ℓ3, ℓc) : ℓc                (without dual clip: ℓ = ℓc)
 * L      = aggregate(ℓ)
 * approx KL     = masked_mean(−Δ)                      verl's ppo_kl (k1 of the old policy vs the new)
 * clip fraction = masked_mean[ℓ2 &gt; ℓ1]
 * lower clip fraction = masked_mean[ℓc &gt; ℓ3 and A &lt; 0]   (0 without dual clip)
 * </pre>
 *
 * <b>Dual clip by default (c = 3), as current verl.</b> ALGORITHM.md §8.3 makes the dual clip optional; later
 * volcengine/verl's {@code compute_policy_loss} always applies it with {@code clip_ratio_c = 3}, and verl4j follows
 * that: {@link #defaults()} has c = 3, {@link #withoutDualClip()} gives the plain clipped surrogate. The authors'
 * fork (hf618/VERL @3de68f1, {@code core_algos.compute_policy_loss}) is older: one symmetric clip range, no dual
 * clip and no ±20 clamp of Δ. The two differ only on tokens with A &lt; 0 and ρ &gt; 3 (capped at −A·3 here) and where
 * |Δ| &gt; 20.
 *
 * @param clipLow     ε_low (0.2)
 * @param clipHigh    ε_high (0.2)
 * @param dualClip    c of the dual clip (&gt; 1), or empty for none (default 3)
 * @param aggregation the loss aggregation
 */
public record PolicyLoss(double clipLow, double clipHigh, OptionalDouble dualClip, LossAggregation aggregation) {

    /** The log-ratio clamp ±20. */
    public static final double LOG_RATIO_CLAMP = 20.0;

    /** verl's {@code clip_ratio_c}, the default dual clip. */
    public static final double VERL_DUAL_CLIP = 3.0;

    public PolicyLoss {
        if (!(clipLow >= 0 && clipLow < 1)) throw new IllegalArgumentException("clipLow must be in [0, 1), got " + clipLow);
        if (!(clipHigh >= 0) || !Double.isFinite(clipHigh)) throw new IllegalArgumentException("clipHigh must be finite and ≥ 0, got " + clipHigh);
        if (dualClip == null) throw new IllegalArgumentException("dualClip is required (OptionalDouble.empty() for none)");
        if (dualClip.isPresent() && !(dualClip.getAsDouble() > 1 && Double.isFinite(dualClip.getAsDouble())))
            throw new IllegalArgumentException("dual clip c must be finite and > 1, got " + dualClip.getAsDouble());
        if (aggregation == null) throw new IllegalArgumentException("aggregation is required");
    }

    /** With dual clip c (finite, &gt; 1). */
    public PolicyLoss(double clipLow, double clipHigh, double dualClip, LossAggregation aggregation) {
        this(clipLow, clipHigh, OptionalDouble.of(dualClip), aggregation);
    }

    /** The defaults: ε = 0.2/0.2 (ALGORITHM.md §8), dual clip c = 3 (verl; see above), token-mean. */
    public static PolicyLoss defaults() {
        return new PolicyLoss(0.2, 0.2, VERL_DUAL_CLIP, LossAggregation.TOKEN_MEAN);
    }

    /** The same loss with dual clip c. */
    public PolicyLoss withDualClip(double c) {
        return new PolicyLoss(clipLow, clipHigh, c, aggregation);
    }

    /** The same loss without dual clip (ℓ = ℓc). */
    public PolicyLoss withoutDualClip() {
        return new PolicyLoss(clipLow, clipHigh, OptionalDouble.empty(), aggregation);
    }

    /** Loss and diagnostics. */
    public Result compute(double[][] logProb, double[][] oldLogProb, double[][] advantages, boolean[][] mask) {
        TokenMask.check(mask);
        TokenMask.requireFinite(logProb, mask, "logProb");
        TokenMask.requireFinite(oldLogProb, mask, "oldLogProb");
        TokenMask.requireFinite(advantages, mask, "advantages");
        int b = mask.length, n = mask[0].length;
        double[][] loss = new double[b][n], negKl = new double[b][n], clipped = new double[b][n], lower = new double[b][n];
        boolean dual = dualClip.isPresent();
        double c = dualClip.orElse(0);
        for (int i = 0; i < b; i++)
            for (int t = 0; t < n; t++) {
                if (!mask[i][t]) continue;
                double a = advantages[i][t];
                double delta = Math.max(-LOG_RATIO_CLAMP, Math.min(LOG_RATIO_CLAMP, logProb[i][t] - oldLogProb[i][t])); // Δ
                double rho = Math.exp(delta);                                                        // ρ
                double l1 = -a * rho;                                                                // ℓ1
                double l2 = -a * Math.max(1 - clipLow, Math.min(1 + clipHigh, rho));                // ℓ2
                double lc = Math.max(l1, l2);                                                        // ℓc
                double l = lc;
                if (dual && a < 0) {
                    double l3 = -a * c;                                                              // ℓ3
                    l = Math.min(l3, lc);
                    lower[i][t] = lc > l3 ? 1 : 0;
                }
                loss[i][t] = l;
                negKl[i][t] = -delta;
                clipped[i][t] = l2 > l1 ? 1 : 0;
            }
        return new Result(aggregation.aggregate(loss, mask),
                LossAggregation.maskedMean(clipped, mask),
                LossAggregation.maskedMean(lower, mask),
                LossAggregation.maskedMean(negKl, mask));
    }

    /**
     * ∂L/∂logπ[i][t], the reference for a training graph's backward pass (0 at masked tokens). Differentiating
     * the forward lines above, with PyTorch's conventions at kinks (clamp passes the gradient at its bounds,
     * max/min split ties in half):
     * <pre>
     * ∂ρ/∂logπ  = ρ                      (0 where |logπ − logπ_old| &gt; 20)
     * ∂ℓ1       = −A·ρ
     * ∂ℓ2       = −A·ρ  inside [1 − ε_low, 1 + ε_high], else 0
     * ∂ℓc       = ∂ℓ1 if ℓ1 &gt; ℓ2;  ∂ℓ2 if ℓ2 &gt; ℓ1;  (∂ℓ1 + ∂ℓ2)/2 on a tie
     * ∂ℓ        = A &lt; 0 with dual clip: ∂ℓc if ℓc &lt; ℓ3;  0 if ℓc &gt; ℓ3;  ∂ℓc/2 on a tie
     * ∂L        = w[i][t]·∂ℓ             w = aggregation weights
     * </pre>
     */
    public double[][] gradLogProb(double[][] logProb, double[][] oldLogProb, double[][] advantages, boolean[][] mask) {
        TokenMask.check(mask);
        TokenMask.requireFinite(logProb, mask, "logProb");
        TokenMask.requireFinite(oldLogProb, mask, "oldLogProb");
        TokenMask.requireFinite(advantages, mask, "advantages");
        double[][] w = aggregation.weights(mask);
        double[][] g = new double[mask.length][mask[0].length];
        for (int i = 0; i < mask.length; i++)
            for (int t = 0; t < mask[i].length; t++) {
                if (!mask[i][t]) continue;
                double a = advantages[i][t], raw = logProb[i][t] - oldLogProb[i][t];
                double rho = Math.exp(Math.max(-LOG_RATIO_CLAMP, Math.min(LOG_RATIO_CLAMP, raw)));
                double dRho = Math.abs(raw) > LOG_RATIO_CLAMP ? 0 : rho;                                  // ∂ρ/∂logπ
                double l1 = -a * rho, l2 = -a * Math.max(1 - clipLow, Math.min(1 + clipHigh, rho));
                double d1 = -a * dRho;                                                                   // ∂ℓ1
                double d2 = rho >= 1 - clipLow && rho <= 1 + clipHigh ? -a * dRho : 0;                   // ∂ℓ2
                double lc = Math.max(l1, l2);
                double dc = l1 > l2 ? d1 : l2 > l1 ? d2 : 0.5 * (d1 + d2);                              // ∂ℓc
                double dl = dc;
                if (dualClip.isPresent() && a < 0) {
                    double l3 = -a * dualClip.getAsDouble();
                    dl = lc < l3 ? dc : lc > l3 ? 0 : 0.5 * dc;                                          // ∂min(ℓ3, ℓc)
                }
                g[i][t] = w[i][t] * dl;
            }
        return g;
    }

    /**
     * @param loss              L
     * @param clipFraction      share of valid tokens where the clip was active (ℓ2 &gt; ℓ1)
     * @param clipFractionLower share of valid tokens capped by the dual clip
     * @param approxKl          masked mean of logπ_old − logπ (after the ±20 clamp)
     */
    public record Result(double loss, double clipFraction, double clipFractionLower, double approxKl) {
    }
}
