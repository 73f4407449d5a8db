package org.verl4j.cli;

import org.verl4j.grader.MathGrader;
import org.verl4j.grader.Verdict;

import java.util.List;
import java.util.Locale;

/**
 * The counts {@code verl4j grade} reports on stderr. Accuracy is correct / graded; timeouts, answers that
 * could not be extracted and grader errors are wrong verdicts, counted apart so they are never hidden.
 */
record GradeSummary(int graded, int correct, int timeouts, int noAnswer, int errors, int malformed) {

    static GradeSummary of(List<Verdict> verdicts, int malformed) {
        int correct = 0;
        int timeouts = 0;
        int noAnswer = 0;
        int errors = 0;
        for (Verdict v : verdicts) {
            if (v.correct()) correct++;
            if (v.timedOut()) timeouts++;
            else if (v.reason().equals("no_answer")) noAnswer++;
            else if (v.reason().startsWith(MathGrader.ERROR_PREFIX)) errors++;
        }
        return new GradeSummary(verdicts.size(), correct, timeouts, noAnswer, errors, malformed);
    }

    double accuracy() {
        return graded == 0 ? Double.NaN : (double) correct / graded;
    }

    String describe(String source) {
        return String.format(Locale.ROOT,
                "verl4j grade: %s: graded %d, correct %d, accuracy %.4f; timeouts %d, no answer extracted %d, "
                        + "grader errors %d, malformed lines skipped %d",
                source, graded, correct, accuracy(), timeouts, noAnswer, errors, malformed);
    }
}
