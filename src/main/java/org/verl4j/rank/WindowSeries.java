package org.verl4j.rank;

/** Whether a measurement keeps the per-window series of ALGORITHM.md §3 ({@link WindowPoint}s) or only the means. */
public enum WindowSeries {
    /** Keep every window's E_j, v_j, a_j. */
    KEEP,
    /** Report ERV and ERA only. */
    DROP
}
