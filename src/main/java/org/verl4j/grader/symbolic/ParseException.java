package org.verl4j.grader.symbolic;

/** The answer is not an expression this parser understands (a list, an inequality, prose, …). */
public final class ParseException extends RuntimeException {

    public ParseException(String message) {
        super(message, null, false, false);
    }
}
