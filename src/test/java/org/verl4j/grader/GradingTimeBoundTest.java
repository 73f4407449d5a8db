package org.verl4j.grader;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grader cannot stall (issue 11): every stage is bounded for runaway answers, and the per-item deadline bounds
 * the whole run at (items / threads + 1) × deadline even when a worker ignores its deadline and interrupts.
 */
class GradingTimeBoundTest {

    private static String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int k = 0; k < n; k++) b.append((char) ('1' + k % 9));
        return b.toString();
    }

    @Test
    void runawayDigitStringsAreGradedWrongQuickly() {
        MathGrader grader = new MathGrader();
        String runaway = digits(40_000);
        long t0 = System.nanoTime();
        Verdict unboxed = grader.grade("The answer is " + runaway, "12", null);
        Verdict boxed = grader.grade("\\boxed{" + runaway + ".000x}", "12", null);
        Verdict numberLike = grader.grade("\\boxed{" + runaway.substring(0, 4000) + "x}", "12", null);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(unboxed.correct()).isFalse();
        assertThat(unboxed.reason()).isEqualTo("answer_too_long");
        assertThat(boxed.correct()).isFalse();
        assertThat(numberLike.correct()).isFalse();
        // Before: 54 s for one such item (quadratic regex). Linear stages take milliseconds; 10 s is generous on a
        // loaded shared 2-core machine and still far below the quadratic time.
        assertThat(millis).isLessThan(10_000);
    }

    @Test
    void longRunsOfNewlinesSpacesOrFullStopsStayLinear() {
        MathGrader grader = new MathGrader();
        String run = "\n".repeat(200_000);
        long t0 = System.nanoTime();
        Verdict choice = grader.grade(run + "x" + run, "A", "aqua");
        Verdict letter = grader.grade(run + "so " + " ".repeat(200_000) + "B" + run, "B", null);
        Verdict chinese = grader.grade("答案是7" + "。".repeat(200_000) + "x", "7", null);
        Verdict spaced = grader.grade("\\boxed{1" + " ".repeat(4_000) + "x" + "\\ ".repeat(40) + "}", "1", null);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(choice.correct()).isFalse();
        assertThat(letter.correct()).isTrue();
        assertThat(chinese.correct()).isFalse();
        assertThat(spaced.correct()).isFalse();
        assertThat(millis).as("quadratic stripping would take minutes").isLessThan(10_000);
    }

    @Test
    void aMixedRunWithWorkersThatIgnoreEverythingFinishesWithinTheBound() {
        long timeoutMillis = 300;
        ItemGrader real = new MathGrader();
        // a worker that neither checks its deadline nor honours interrupts (parks until 3 s have passed)
        ItemGrader grader = (item, deadline) -> {
            if (!item.response().startsWith("stuck")) return real.grade(item, deadline);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < end) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            return new Verdict(true, "late", "should never be used", false, false);
        };
        List<GradingItem> items = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            items.add(k % 3 == 0 ? new GradingItem("stuck " + k, "1", null)
                    : new GradingItem("so \\boxed{" + k + "}", Integer.toString(k), null));
        }
        try (GradingExecutor executor = new GradingExecutor(grader, 2, timeoutMillis)) {
            int w = executor.threads();
            long t0 = System.nanoTime();
            List<Verdict> verdicts = executor.gradeAll(items);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertThat(millis).as("run time with %d worker(s)", w).isLessThanOrEqualTo((items.size() / w + 1) * timeoutMillis);
            for (int k = 0; k < items.size(); k++) {
                Verdict v = verdicts.get(k);
                if (k % 3 == 0) {
                    assertThat(v.timedOut()).as("item %d", k).isTrue();
                    assertThat(v.correct()).isFalse();
                } else {
                    assertThat(v.correct()).as("item %d", k).isTrue();
                }
            }
        }
    }

    @Test
    void absurdThreadCountsAreCappedAndNeverTurnIntoWrongVerdicts() {
        List<GradingItem> items = new ArrayList<>();
        for (int k = 0; k < 2_000; k++) items.add(new GradingItem("\\boxed{" + k + "}", Integer.toString(k), null));
        try (GradingExecutor executor = new GradingExecutor(new MathGrader(), 100_000, 5_000)) {
            assertThat(executor.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
            List<Verdict> verdicts = executor.gradeAll(items);
            assertThat(verdicts).allSatisfy(v -> {
                assertThat(v.correct()).isTrue();
                assertThat(v.timedOut()).isFalse();
            });
        }
    }

    @Test
    void anUnbalancedBoxIsNotAnAnswer() {
        MathGrader grader = new MathGrader();
        assertThat(grader.grade("\\boxed{{{{1", "1", null).correct()).isFalse();
        assertThat(grader.grade("\\boxed{{{{1", "1", null).reason()).isEqualTo("no_answer");
        assertThat(grader.grade("\\boxed{{1}{", "1", null).correct()).isFalse();
        // a generation cut off just before the box's own closing brace still counts (GraderDevSetTest p0769)
        assertThat(grader.grade("so $\\boxed{\\frac{1}{90}", "\\frac{1}{90}", null).correct()).isTrue();
        assertThat(grader.grade("\\boxed{{1}}", "1", null).correct()).isTrue();
    }
}
