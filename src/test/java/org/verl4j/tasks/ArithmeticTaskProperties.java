package org.verl4j.tasks;

import org.verl4j.rl.TaskReward;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ArithmeticTaskProperties {

    @Property(tries = 300)
    void theAnswerIsWhatAnIndependentEvaluatorReadsFromThePrompt(@ForAll @IntRange(min = 1, max = 6) int level,
                                                                @ForAll long seed) {
        Problem p = ArithmeticTask.level(level).sample(new Random(seed));
        assertThat(ArithmeticOracle.evaluate(p.prompt())).isEqualTo(Long.parseLong(p.answer()));
    }

    @Property(tries = 300)
    void everyChainOfThoughtLineKeepsTheValueAndRemovesExactlyOneOperation(
            @ForAll @IntRange(min = 1, max = 6) int level, @ForAll long seed) {
        Problem p = ArithmeticTask.level(level).sample(new Random(seed));
        List<String> lines = List.of(p.solution().split("\n"));
        int ops = ArithmeticOracle.operators(p.prompt());
        assertThat(lines).hasSize(ops + 1);
        String previous = p.prompt();
        for (String line : lines.subList(0, ops)) {
            assertThat(line).startsWith("=");
            String expr = line.substring(1);
            assertThat(ArithmeticOracle.evaluate(expr)).isEqualTo(Long.parseLong(p.answer()));
            assertThat(ArithmeticOracle.operators(expr)).isEqualTo(ArithmeticOracle.operators(previous) - 1);
            previous = expr;
        }
        assertThat(lines.get(ops)).isEqualTo("\\boxed{" + p.answer() + "}");
    }

    @Property(tries = 300)
    void problemsRespectTheirLevelTable(@ForAll @IntRange(min = 1, max = 6) int level, @ForAll long seed) {
        ArithmeticTask task = ArithmeticTask.level(level);
        Problem p = task.sample(new Random(seed));
        assertThat(ArithmeticOracle.operators(p.prompt())).isEqualTo(task.difficulty().operands() - 1);
        assertThat(p.prompt() + p.solution()).doesNotContain("(-");
        for (char c : (p.prompt() + p.solution()).toCharArray()) assertThat(ArithmeticTask.ALPHABET).contains("" + c);
        if (!task.difficulty().parentheses()) assertThat(p.prompt()).doesNotContain("(");
        if (!task.difficulty().operators().contains(Operator.MUL)) assertThat(p.prompt()).doesNotContain("*");
        long answer = Long.parseLong(p.answer());
        assertThat(answer).isBetween(0L, task.difficulty().maxIntermediate());
    }

    @Property(tries = 200)
    void theWorkedSolutionEarnsTheFullReward(@ForAll @IntRange(min = 1, max = 6) int level, @ForAll long seed) {
        ArithmeticTask task = ArithmeticTask.level(level);
        Problem p = task.sample(new Random(seed));
        assertThat(task.verify(p, p.solution()).reward(TaskReward.INDEPENDENT)).isEqualTo(1.0);
    }
}
