package org.verl4j.shaping;

import java.util.Arrays;

/**
 * The VERL controller's state between training steps (ALGORITHM.md §6), immutable; it goes into checkpoints.
 *
 * @param step          training steps taken so far (0 before the first)
 * @param scoreEma      S̄, the EMA of the batch-mean task score (starts at 0)
 * @param baselines     m_k, the EMA baselines of [ERA, ERV, ER] (start at 0)
 * @param previousMeans the previous training step's batch means of [ERA, ERV, ER]; null before the first step
 */
public record ControllerState(long step, double scoreEma, RankIndicators baselines, RankIndicators previousMeans) {

    /** Layout version of {@link #toArray()}. */
    public static final int FORMAT = 1;
    private static final int LENGTH = 10;

    public ControllerState {
        if (step < 0) throw new IllegalArgumentException("controller step must be ≥ 0, got " + step);
        if (!Double.isFinite(scoreEma)) throw new IllegalArgumentException("score EMA S̄ must be finite, got " + scoreEma);
        if (baselines == null) throw new IllegalArgumentException("baselines m_k are required");
        if (step == 0 && previousMeans != null)
            throw new IllegalArgumentException("previous batch means cannot exist before the first step");
    }

    /** Before the first step: S̄ = 0, m = 0, no previous means. */
    public static ControllerState initial() {
        return new ControllerState(0, 0.0, RankIndicators.ZERO, null);
    }

    /** True when the previous step's batch means exist (the second half of the gate). */
    public boolean hasPreviousMeans() {
        return previousMeans != null;
    }

    /**
     * A stable array form: {@code [FORMAT, step, S̄, m_ERA, m_ERV, m_ER, hasPrevious (0/1), p_ERA, p_ERV, p_ER]}
     * (p = 0 when absent). Doubles round-trip exactly; step is exact up to 2^53.
     */
    public double[] toArray() {
        RankIndicators p = previousMeans == null ? RankIndicators.ZERO : previousMeans;
        return new double[]{FORMAT, step, scoreEma, baselines.era(), baselines.erv(), baselines.er(),
                previousMeans == null ? 0 : 1, p.era(), p.erv(), p.er()};
    }

    /** Inverse of {@link #toArray()}; rejects other lengths, versions and malformed flags. */
    public static ControllerState fromArray(double[] a) {
        if (a == null || a.length != LENGTH)
            throw new IllegalArgumentException("controller state: expected " + LENGTH + " numbers, got "
                    + (a == null ? "null" : a.length + " " + Arrays.toString(a)));
        if (a[0] != FORMAT) throw new IllegalArgumentException("controller state: unknown format " + a[0] + " (expected " + FORMAT + ")");
        if (a[1] != Math.rint(a[1])) throw new IllegalArgumentException("controller state: step " + a[1] + " is not an integer");
        if (a[6] != 0 && a[6] != 1) throw new IllegalArgumentException("controller state: previous-means flag must be 0 or 1, got " + a[6]);
        RankIndicators previous = a[6] == 1 ? new RankIndicators(a[7], a[8], a[9]) : null;
        return new ControllerState((long) a[1], a[2], new RankIndicators(a[3], a[4], a[5]), previous);
    }
}
