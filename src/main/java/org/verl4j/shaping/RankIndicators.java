package org.verl4j.shaping;

import org.verl4j.rank.RankDynamics;

import java.util.List;

/**
 * The three indicators of one response in the order of ALGORITHM.md §6, k ∈ [ERA, ERV, ER]; also used for quantities
 * in the same units (the EMA baselines m_k, a batch's means).
 *
 * @param era ER acceleration (0 when not measured)
 * @param erv ER velocity (0 when not measured)
 * @param er  Effective Rank of the whole response
 */
public record RankIndicators(double era, double erv, double er) {

    /** All zeros: the initial EMA baselines. */
    public static final RankIndicators ZERO = new RankIndicators(0, 0, 0);

    public RankIndicators {
        if (!Double.isFinite(era) || !Double.isFinite(erv) || !Double.isFinite(er))
            throw new IllegalArgumentException("indicators must be finite, got ERA " + era + ", ERV " + erv + ", ER " + er);
    }

    /** x = [ERA, ERV, ER] of a measured response (unmeasured ERV/ERA enter as their default 0, as in the authors' code). */
    public static RankIndicators of(RankDynamics d) {
        return new RankIndicators(d.era(), d.erv(), d.er());
    }

    /** x_k for k = 0 (ERA), 1 (ERV), 2 (ER). */
    public double get(int k) {
        return switch (k) {
            case 0 -> era;
            case 1 -> erv;
            case 2 -> er;
            default -> throw new IllegalArgumentException("indicator index must be 0 (ERA), 1 (ERV) or 2 (ER), got " + k);
        };
    }

    /** Plain mean over the responses of a batch, channel by channel (every response counts). */
    public static RankIndicators mean(List<RankIndicators> xs) {
        if (xs.isEmpty()) throw new IllegalArgumentException("batch mean of indicators: empty batch");
        double a = 0, v = 0, e = 0;
        for (RankIndicators x : xs) { a += x.era; v += x.erv; e += x.er; }
        int n = xs.size();
        return new RankIndicators(a / n, v / n, e / n);
    }

    /** EMA step {@code (1−α)·this + α·target}, in that operation order (the authors' Python expression). */
    public RankIndicators ema(double alpha, RankIndicators target) {
        return new RankIndicators((1 - alpha) * era + alpha * target.era,
                (1 - alpha) * erv + alpha * target.erv,
                (1 - alpha) * er + alpha * target.er);
    }
}
