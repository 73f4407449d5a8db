package org.verl4j.rank;

/** How a response longer than {@code M} rows is cut before ERV/ERA (ALGORITHM.md §3). */
public enum Truncation {
    /** Keep the last M rows (the authors' behaviour; default). */
    TAIL,
    /** Keep the first M rows. */
    HEAD,
    /** Keep every row (M is ignored). */
    NONE
}
