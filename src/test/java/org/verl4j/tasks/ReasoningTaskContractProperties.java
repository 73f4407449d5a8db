package org.verl4j.tasks;

import org.verl4j.rl.TaskReward;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.verl4j.grader.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims every task at every level must satisfy, whatever its problem family. */
class ReasoningTaskContractProperties {

    @Provide
    Arbitrary<ReasoningTask> tasks() {
        List<ReasoningTask> all = new ArrayList<>();
        for (int level = 1; level <= 3; level++) all.add(DigitCompletionTask.level(level));
        for (int level = 1; level <= ArithmeticLevel.count(); level++) all.add(ArithmeticTask.level(level));
        return Arbitraries.of(all);
    }

    @Property(tries = 200)
    void theWorkedSolutionIsCorrectAndWellFormed(@ForAll("tasks") ReasoningTask task, @ForAll long seed) {
        Problem p = task.sample(new Random(seed));
        Verdict v = task.verify(p, p.solution());
        assertThat(v.correct()).isTrue();
        assertThat(v.boxed()).isTrue();
        assertThat(v.timedOut()).isFalse();
    }

    @Property(tries = 200)
    void theAlphabetCoversEveryPromptAndSolution(@ForAll("tasks") ReasoningTask task, @ForAll long seed) {
        Problem p = task.sample(new Random(seed));
        CharTokenizer tok = CharTokenizer.of(task.alphabet(), 4096);
        assertThat(tok.encode(p.prompt() + p.solution())).doesNotContain(CharTokenizer.UNK);
    }

    @Property(tries = 100)
    void aSeedDeterminesTheProblem(@ForAll("tasks") ReasoningTask task, @ForAll long seed) {
        assertThat(task.sample(new Random(seed))).isEqualTo(task.sample(new Random(seed)));
    }

    @Property(tries = 200)
    void theEmptyResponseEarnsTheLowestIndependentRewardUnlessTheAnswerIsEmpty(
            @ForAll("tasks") ReasoningTask task, @ForAll long seed) {
        Problem p = task.sample(new Random(seed));
        double r = task.verify(p, "").reward(TaskReward.INDEPENDENT);
        assertThat(r).isEqualTo(p.answer().isEmpty() ? 1.0 : -1.0);
    }

    @Property(tries = 200)
    void problemsCarryTheirTaskAndLevel(@ForAll("tasks") ReasoningTask task, @ForAll long seed) {
        Problem p = task.sample(new Random(seed));
        assertThat(p.task()).isEqualTo(task.name());
        assertThat(p.level()).isEqualTo(task.level());
        assertThat(ReasoningTask.of(task.name(), task.level())).isEqualTo(task);
    }
}
