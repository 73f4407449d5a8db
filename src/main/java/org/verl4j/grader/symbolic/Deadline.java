package org.verl4j.grader.symbolic;

/**
 * The instant by which grading one item must finish; loops in the parser and evaluator call {@link #check()},
 * which throws {@link GradingTimeoutException} once the instant has passed or the thread was interrupted.
 */
public record Deadline(long nanoTime) {

    /** A deadline {@code millis} from now. */
    public static Deadline in(long millis) {
        return new Deadline(System.nanoTime() + millis * 1_000_000L);
    }

    /** No deadline (still honours thread interruption). */
    public static Deadline none() {
        return new Deadline(Long.MAX_VALUE);
    }

    public void check() {
        if (Thread.currentThread().isInterrupted()) throw new GradingTimeoutException("interrupted");
        if (nanoTime != Long.MAX_VALUE && System.nanoTime() - nanoTime > 0) {
            throw new GradingTimeoutException("deadline passed");
        }
    }
}
