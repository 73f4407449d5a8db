package org.verl4j.tasks;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TaskSplitsProperties {

    @Property(tries = 30)
    void theSameSeedGivesTheSameSplits(@ForAll @IntRange(min = 1, max = 3) int level, @ForAll long seed) {
        for (ReasoningTask task : new ReasoningTask[]{ArithmeticTask.level(level), DigitCompletionTask.level(level)}) {
            TaskSplits a = TaskSplits.generate(task, 40, 10, seed);
            TaskSplits b = TaskSplits.generate(task, 40, 10, seed);
            assertThat(a).isEqualTo(b);
        }
    }

    @Property(tries = 30)
    void splitsAreDisjointDistinctAndNumbered(@ForAll @IntRange(min = 1, max = 6) int level, @ForAll long seed) {
        ReasoningTask task = ArithmeticTask.level(level);
        TaskSplits s = TaskSplits.generate(task, 30, 12, seed);
        assertThat(s.train()).hasSize(30);
        assertThat(s.test()).hasSize(12);
        Set<String> prompts = new HashSet<>();
        s.train().forEach(p -> prompts.add(p.prompt()));
        s.test().forEach(p -> prompts.add(p.prompt()));
        assertThat(prompts).hasSize(42);
        assertThat(s.train().get(0).id()).isEqualTo("arithmetic-l" + level + "-train-00000");
        assertThat(s.test().get(11).id()).isEqualTo("arithmetic-l" + level + "-test-00011");
    }
}
