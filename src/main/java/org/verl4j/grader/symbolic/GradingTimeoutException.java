package org.verl4j.grader.symbolic;

/** Thrown inside grading when the item's {@link Deadline} has passed; the grader turns it into a timeout verdict. */
public final class GradingTimeoutException extends RuntimeException {

    public GradingTimeoutException(String message) {
        super(message, null, false, false);
    }
}
