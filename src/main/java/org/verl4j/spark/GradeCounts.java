package org.verl4j.spark;

import org.verl4j.grader.MathGrader;
import org.verl4j.grader.Verdict;

import java.io.Serializable;
import java.util.Locale;

/**
 * The counts of a grade job, summed over partitions (a commutative, associative {@link #plus}). Accuracy is
 * correct / graded; timeouts, answers that could not be extracted and grader errors are wrong verdicts, counted
 * apart — the rules and the summary line of {@code verl4j grade} ({@code cli.GradeSummary}, package-private).
 */
record GradeCounts(long graded, long correct, long timeouts, long noAnswer, long errors, long malformed) implements Serializable {

    static final GradeCounts ZERO = new GradeCounts(0, 0, 0, 0, 0, 0);

    static GradeCounts of(Verdict v) {
        boolean noAnswer = !v.timedOut() && v.reason().equals("no_answer");
        boolean error = !v.timedOut() && v.reason().startsWith(MathGrader.ERROR_PREFIX);
        return new GradeCounts(1, v.correct() ? 1 : 0, v.timedOut() ? 1 : 0, noAnswer ? 1 : 0, error ? 1 : 0, 0);
    }

    static GradeCounts malformedLine() {
        return new GradeCounts(0, 0, 0, 0, 0, 1);
    }

    GradeCounts plus(GradeCounts o) {
        return new GradeCounts(graded + o.graded, correct + o.correct, timeouts + o.timeouts, noAnswer + o.noAnswer,
                errors + o.errors, malformed + o.malformed);
    }

    String describe(String source) {
        return String.format(Locale.ROOT,
                "verl4j grade: %s: graded %d, correct %d, accuracy %.4f; timeouts %d, no answer extracted %d, "
                        + "grader errors %d, malformed lines skipped %d",
                source, graded, correct, graded == 0 ? Double.NaN : (double) correct / graded, timeouts, noAnswer, errors, malformed);
    }
}
