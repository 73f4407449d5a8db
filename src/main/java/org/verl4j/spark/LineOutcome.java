package org.verl4j.spark;

import org.verl4j.grader.GradeCounts;

import java.io.Serializable;

/** What a grade task returns for one non-blank input line (numbered from 1, as the CLI numbers them). */
sealed interface LineOutcome extends Serializable permits LineOutcome.Graded, LineOutcome.Malformed {

    long line();

    /** The output line (input JSON plus the verdict's fields) and the verdict's counts. */
    record Graded(long line, String json, GradeCounts counts) implements LineOutcome {
    }

    /** {@code message} names the file, the line and why it is not gradable. */
    record Malformed(long line, String message) implements LineOutcome {
    }
}
