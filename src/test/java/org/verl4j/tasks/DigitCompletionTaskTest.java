package org.verl4j.tasks;

import org.verl4j.rl.TaskReward;
import org.junit.jupiter.api.Test;
import org.verl4j.grader.Verdict;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Worked values from verl's {@code digit_completion/task.py} ({@code __main__} cases, read off by hand). */
class DigitCompletionTaskTest {

    @Test
    void groundTruthContinuesTheSequenceModuloM() {
        assertThat(DigitCompletionTask.groundTruth("9,10:20,2")).isEqualTo("11,12");
        assertThat(DigitCompletionTask.groundTruth("7,8:20,0")).isEmpty();
        assertThat(DigitCompletionTask.groundTruth("18,19:20,3")).isEqualTo("0,1,2");
        assertThat(DigitCompletionTask.groundTruth("5,2:9,3")).isEqualTo("8,5,2");   // δ = (2 − 5) mod 9 = 6
        assertThat(DigitCompletionTask.groundTruth("9,0:9,2")).isEqualTo("0,0");    // a = m is not reduced: δ = 0
    }

    @Test
    void groundTruthAgreesWithTheClosedFormOnEveryLevelOnePrompt() {
        // oracle: x_k = (b + k·δ) mod m, no recurrence
        for (int a = 0; a <= 9; a++)
            for (int b = 0; b < 9; b++)
                for (int n = 0; n <= 9; n++) {
                    int delta = Math.floorMod(b - a, 9);
                    StringBuilder want = new StringBuilder();
                    for (int k = 1; k <= n; k++) want.append(k > 1 ? "," : "").append((b + k * delta) % 9);
                    assertThat(DigitCompletionTask.groundTruth(a + "," + b + ":9," + n)).isEqualTo(want.toString());
                }
    }

    @Test
    void prefixRewardPaysEachMatchingCharacterUntilTheFirstMismatch() {
        float sixth = (float) (1.0 / 6);                          // |"11,12"| + 1 = 6
        assertThat(DigitCompletionTask.prefixReward("9,10:20,2", "11,12,13", 1.0))
                .containsExactly(sixth, sixth, sixth, sixth, sixth, 0, 0, 0);
        assertThat(DigitCompletionTask.prefixReward("9,10:20,2", "11,22", 1.0))
                .containsExactly(sixth, sixth, sixth, 0, 0);
        assertThat(DigitCompletionTask.prefixReward("7,8:20,0", "E000", 1.0)).containsExactly(0, 0, 0, 0);
        assertThat(DigitCompletionTask.prefixReward("7,8:20,0", "", 1.0)).isEmpty();
    }

    @Test
    void verdictSeparatesCorrectWellFormedAndMalformed() {
        DigitCompletionTask task = DigitCompletionTask.level(2);
        Problem p = new Problem("p", task.name(), 2, "9,10:20,2", "11,12", "11,12");
        Verdict right = task.verify(p, "11,12");
        Verdict wrong = task.verify(p, "11,13");
        Verdict tooMany = task.verify(p, "11,12,13");
        Verdict junk = task.verify(p, "11,,12");
        assertThat(right.correct()).isTrue();
        assertThat(right.boxed()).isTrue();
        assertThat(wrong.correct()).isFalse();
        assertThat(wrong.boxed()).isTrue();
        assertThat(tooMany.boxed()).isFalse();
        assertThat(junk.boxed()).isFalse();
        assertThat(right.reward(TaskReward.INDEPENDENT)).isEqualTo(1.0);
        assertThat(wrong.reward(TaskReward.INDEPENDENT)).isEqualTo(-0.5);
        assertThat(junk.reward(TaskReward.INDEPENDENT)).isEqualTo(-1.0);
        assertThat(wrong.reward(TaskReward.BINARY)).isEqualTo(0.0);

        Problem empty = new Problem("q", task.name(), 2, "7,8:20,0", "", "");
        assertThat(task.verify(empty, "").correct()).isTrue();
        assertThat(task.verify(empty, "9").boxed()).isFalse();
    }

    @Test
    void levelOneHasExactlyTheNineHundredDistinctPromptsOfVerlsDataset() {
        Set<String> all = new HashSet<>();                        // oracle: enumerate (a, d, n)
        for (int a = 0; a <= 9; a++)
            for (int d = 0; d <= 9; d++)
                for (int n = 0; n <= 9; n++) all.add(a + "," + (a + d) % 9 + ":9," + n);
        assertThat(all).hasSize(900);

        TaskSplits splits = TaskSplits.generate(DigitCompletionTask.level(1), 720, 180, 11);
        Set<String> drawn = new HashSet<>();
        splits.train().forEach(p -> drawn.add(p.prompt()));
        splits.test().forEach(p -> drawn.add(p.prompt()));
        assertThat(drawn).isEqualTo(all);
        assertThatThrownBy(() -> TaskSplits.generate(DigitCompletionTask.level(1), 900, 1, 11))
                .hasMessageContaining("only 900 distinct problems");
    }

    @Test
    void badPromptsAndLevelsAreRejectedByName() {
        assertThatThrownBy(() -> DigitCompletionTask.groundTruth("1,2;3,4")).hasMessageContaining("'1,2;3,4'");
        assertThatThrownBy(() -> DigitCompletionTask.groundTruth("1,2:0,4")).hasMessageContaining("modulus");
        assertThatThrownBy(() -> DigitCompletionTask.level(4)).hasMessageContaining("levels 1..3");
        assertThatThrownBy(() -> ReasoningTask.of("sudoku", 1)).hasMessageContaining("unknown task 'sudoku'");
    }
}
