package org.verl4j.grader;

import org.junit.jupiter.api.Test;
import org.verl4j.grader.symbolic.GradingTimeoutException;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GradingExecutorTest {

    @Test
    void verdictsComeBackInInputOrder() {
        List<GradingItem> items = new ArrayList<>();
        for (int k = 0; k < 60; k++) items.add(new GradingItem("\\boxed{" + k + "}", Integer.toString(k % 3 == 0 ? k : k + 1), null));
        try (GradingExecutor executor = new GradingExecutor(new MathGrader(), 3, 5_000)) {
            List<Verdict> verdicts = executor.gradeAll(items);
            assertThat(verdicts).hasSize(60);
            for (int k = 0; k < 60; k++) {
                assertThat(verdicts.get(k).extracted()).isEqualTo(Integer.toString(k));
                assertThat(verdicts.get(k).correct()).isEqualTo(k % 3 == 0);
            }
        }
    }

    @Test
    void aGraderThatChecksItsDeadlineTimesOutAndIsCountedWrong() {
        ItemGrader spinning = (item, deadline) -> {
            try {
                while (true) deadline.check();
            } catch (GradingTimeoutException e) {
                return Verdict.timeout("", false);
            }
        };
        try (GradingExecutor executor = new GradingExecutor(spinning, 2, 50)) {
            List<Verdict> verdicts = executor.gradeAll(List.of(new GradingItem("a", "b", null), new GradingItem("c", "d", null)));
            assertThat(verdicts).allSatisfy(v -> {
                assertThat(v.timedOut()).isTrue();
                assertThat(v.correct()).isFalse();
            });
        }
    }

    @Test
    void aGraderThatIgnoresItsDeadlineIsStoppedByTheBackstop() {
        ItemGrader stubborn = (item, deadline) -> {
            while (!Thread.currentThread().isInterrupted()) Thread.onSpinWait();
            return new Verdict(true, "never", "should not be used", false, false);
        };
        try (GradingExecutor executor = new GradingExecutor(stubborn, 1, 20)) {
            Verdict v = executor.gradeAll(List.of(new GradingItem("a", "b", null))).get(0);
            assertThat(v.timedOut()).isTrue();
            assertThat(v.correct()).isFalse();
        }
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new GradingExecutor(new MathGrader(), 0, 10)).hasMessageContaining("threads");
        assertThatThrownBy(() -> new GradingExecutor(new MathGrader(), 1, 0)).hasMessageContaining("timeout");
    }
}
