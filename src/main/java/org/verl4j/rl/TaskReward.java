package org.verl4j.rl;

/**
 * Task reward of one response from its grading (ALGORITHM.md §8).
 *
 * <pre>
 * INDEPENDENT (authors' "independent" table)      correct   wrong
 *      boxed                                        +1      −0.5
 *      not boxed                                   +0.5      −1
 * BINARY                                             1        0        (boxing ignored)
 * </pre>
 */
public enum TaskReward {
    INDEPENDENT, BINARY;

    /** The score of a response. */
    public double score(boolean correct, boolean boxed) {
        return switch (this) {
            case INDEPENDENT -> correct ? (boxed ? 1.0 : 0.5) : (boxed ? -0.5 : -1.0);
            case BINARY -> correct ? 1.0 : 0.0;
        };
    }
}
