package org.verl4j.rl;

/**
 * Critic loss with value clipping (ALGORITHM.md §8; verl {@code compute_value_loss}).
 *
 * <pre>
 * V_clip = clamp(V, V_old − c, V_old + c)          c = 0.5
 * ℓ      = max((V − R)², (V_clip − R)²)
 * L      = ½ · aggregate(ℓ)
 * clip fraction = masked_mean[(V_clip − R)² &gt; (V − R)²]
 * </pre>
 *
 * @param clipRange   c
 * @param aggregation the loss aggregation
 */
public record ValueLoss(double clipRange, LossAggregation aggregation) {

    public ValueLoss {
        if (!(clipRange > 0) || !Double.isFinite(clipRange)) throw new IllegalArgumentException("value clip range must be finite and > 0, got " + clipRange);
        if (aggregation == null) throw new IllegalArgumentException("aggregation is required");
    }

    /** c = 0.5, token-mean. */
    public static ValueLoss defaults() {
        return new ValueLoss(0.5, LossAggregation.TOKEN_MEAN);
    }

    /** Loss and clip fraction. */
    public Result compute(double[][] values, double[][] oldValues, double[][] returns, boolean[][] mask) {
        TokenMask.check(mask);
        TokenMask.requireFinite(values, mask, "values");
        TokenMask.requireFinite(oldValues, mask, "oldValues");
        TokenMask.requireFinite(returns, mask, "returns");
        double[][] loss = new double[mask.length][mask[0].length], clipped = new double[mask.length][mask[0].length];
        for (int i = 0; i < mask.length; i++)
            for (int t = 0; t < mask[i].length; t++) {
                if (!mask[i][t]) continue;
                double v = values[i][t], r = returns[i][t];
                double vClip = Math.max(oldValues[i][t] - clipRange, Math.min(oldValues[i][t] + clipRange, v)); // V_clip
                double l1 = (v - r) * (v - r), l2 = (vClip - r) * (vClip - r);
                loss[i][t] = Math.max(l1, l2);
                clipped[i][t] = l2 > l1 ? 1 : 0;
            }
        return new Result(0.5 * aggregation.aggregate(loss, mask), LossAggregation.maskedMean(clipped, mask));
    }

    /**
     * ∂L/∂V[i][t] (0 at masked tokens), with PyTorch's conventions at kinks:
     * <pre>
     * ∂ℓ1 = 2(V − R)
     * ∂ℓ2 = 2(V_clip − R)  if V_old − c ≤ V ≤ V_old + c, else 0
     * ∂ℓ  = ∂ℓ1 if ℓ1 &gt; ℓ2;  ∂ℓ2 if ℓ2 &gt; ℓ1;  (∂ℓ1 + ∂ℓ2)/2 on a tie
     * ∂L  = ½·w[i][t]·∂ℓ
     * </pre>
     */
    public double[][] gradValues(double[][] values, double[][] oldValues, double[][] returns, boolean[][] mask) {
        TokenMask.check(mask);
        TokenMask.requireFinite(values, mask, "values");
        TokenMask.requireFinite(oldValues, mask, "oldValues");
        TokenMask.requireFinite(returns, mask, "returns");
        double[][] w = aggregation.weights(mask);
        double[][] g = new double[mask.length][mask[0].length];
        for (int i = 0; i < mask.length; i++)
            for (int t = 0; t < mask[i].length; t++) {
                if (!mask[i][t]) continue;
                double v = values[i][t], r = returns[i][t], lo = oldValues[i][t] - clipRange, hi = oldValues[i][t] + clipRange;
                double vClip = Math.max(lo, Math.min(hi, v));
                double l1 = (v - r) * (v - r), l2 = (vClip - r) * (vClip - r);
                double d1 = 2 * (v - r), d2 = v >= lo && v <= hi ? 2 * (vClip - r) : 0;
                double d = l1 > l2 ? d1 : l2 > l1 ? d2 : 0.5 * (d1 + d2);
                g[i][t] = 0.5 * w[i][t] * d;
            }
        return g;
    }

    /**
     * @param loss         L
     * @param clipFraction share of valid tokens where the clipped value gave the larger loss
     */
    public record Result(double loss, double clipFraction) {
    }
}
