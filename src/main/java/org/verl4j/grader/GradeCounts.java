package org.verl4j.grader;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The counts {@code verl4j grade} reports (and the Spark grade job sums over partitions with {@link #plus}, which
 * is commutative and associative). Accuracy is correct / graded; timeouts, answers that could not be extracted
 * and grader errors ({@link MathGrader#ERROR_PREFIX}) are wrong verdicts, counted apart so they are never hidden.
 *
 * @param malformed input lines skipped as not gradable (never scored)
 */
public record GradeCounts(long graded, long correct, long timeouts, long noAnswer, long errors, long malformed)
        implements Serializable {

    /** No line seen. */
    public static final GradeCounts ZERO = new GradeCounts(0, 0, 0, 0, 0, 0);

    /** One graded line. A timeout counts as a timeout only, whatever its reason says. */
    public static GradeCounts of(Verdict v) {
        boolean noAnswer = !v.timedOut() && v.reason().equals("no_answer");
        boolean error = !v.timedOut() && v.reason().startsWith(MathGrader.ERROR_PREFIX);
        return new GradeCounts(1, v.correct() ? 1 : 0, v.timedOut() ? 1 : 0, noAnswer ? 1 : 0, error ? 1 : 0, 0);
    }

    /** The verdicts of a run plus {@code malformed} skipped lines. */
    public static GradeCounts of(List<Verdict> verdicts, long malformed) {
        GradeCounts sum = new GradeCounts(0, 0, 0, 0, 0, malformed);
        for (Verdict v : verdicts) sum = sum.plus(of(v));
        return sum;
    }

    /** One malformed line. */
    public static GradeCounts malformedLine() {
        return new GradeCounts(0, 0, 0, 0, 0, 1);
    }

    public GradeCounts plus(GradeCounts o) {
        return new GradeCounts(graded + o.graded, correct + o.correct, timeouts + o.timeouts, noAnswer + o.noAnswer,
                errors + o.errors, malformed + o.malformed);
    }

    /** correct / graded; empty when nothing was graded. */
    public OptionalDouble accuracy() {
        return graded == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) correct / graded);
    }

    /** The summary line of {@code verl4j grade} (and of the Spark grade job) for input {@code source}. */
    public String describe(String source) {
        return String.format(Locale.ROOT,
                "verl4j grade: %s: graded %d, correct %d, accuracy %s; timeouts %d, no answer extracted %d, "
                        + "grader errors %d, malformed lines skipped %d",
                source, graded, correct, accuracy().isPresent() ? String.format(Locale.ROOT, "%.4f", accuracy().getAsDouble()) : "n/a",
                timeouts, noAnswer, errors, malformed);
    }
}
