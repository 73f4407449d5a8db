package org.verl4j.tasks;

import org.verl4j.rl.TaskReward;
import org.junit.jupiter.api.Test;
import org.verl4j.grader.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArithmeticTaskTest {

    private static Expr num(long v) {
        return new Expr.Num(v);
    }

    private static Expr bin(Operator op, Expr a, Expr b) {
        return new Expr.Bin(op, a, b);
    }

    @Test
    void theDocumentedExampleReducesOneOperationPerLine() {
        // 12+7*3-5 = ((12 + (7*3)) − 5)
        Expr e = bin(Operator.SUB, bin(Operator.ADD, num(12), bin(Operator.MUL, num(7), num(3))), num(5));
        assertThat(e.text()).isEqualTo("12+7*3-5");
        assertThat(ArithmeticTask.chainOfThought(e)).isEqualTo("=12+21-5\n=33-5\n=28\n\\boxed{28}");
        assertThat(e.intermediates()).containsExactly(21L, 33L, 28L);
    }

    @Test
    void parenthesesAreWrittenOnlyWhereTheTreeNeedsThem() {
        Expr aMinusBMinusC = bin(Operator.SUB, bin(Operator.SUB, num(9), num(3)), num(2));
        Expr aMinusBracket = bin(Operator.SUB, num(9), bin(Operator.SUB, num(3), num(2)));
        Expr sumTimes = bin(Operator.MUL, bin(Operator.ADD, num(1), num(2)), num(3));
        Expr timesSum = bin(Operator.ADD, bin(Operator.MUL, num(4), num(2)), num(3));
        assertThat(aMinusBMinusC.text()).isEqualTo("9-3-2");
        assertThat(aMinusBracket.text()).isEqualTo("9-(3-2)");
        assertThat(sumTimes.text()).isEqualTo("(1+2)*3");
        assertThat(timesSum.text()).isEqualTo("4*2+3");
        assertThat(num(-4).text()).isEqualTo("(-4)");
        assertThat(ArithmeticTask.chainOfThought(aMinusBracket)).isEqualTo("=9-1\n=8\n\\boxed{8}");
    }

    @Test
    void rewardTableOfSpecSection8() {
        ArithmeticTask task = ArithmeticTask.level(3);
        Problem p = new Problem("p", task.name(), 3, "12+7*3-5", "28", "=12+21-5\n=33-5\n=28\n\\boxed{28}");
        Verdict worked = task.verify(p, p.solution());
        Verdict spaced = task.verify(p, "so \\boxed{ +028 }");
        Verdict unboxed = task.verify(p, "=33-5\n=28");
        Verdict wrongBoxed = task.verify(p, "=33-5\n=27\n\\boxed{27}");
        Verdict notInteger = task.verify(p, "\\boxed{28.5}");
        Verdict nothing = task.verify(p, "I do not know");
        Verdict lastBoxWins = task.verify(p, "\\boxed{28} no wait \\boxed{29}");

        assertThat(worked.reward(TaskReward.INDEPENDENT)).isEqualTo(1.0);
        assertThat(spaced.reward(TaskReward.INDEPENDENT)).isEqualTo(1.0);
        assertThat(unboxed.reward(TaskReward.INDEPENDENT)).isEqualTo(0.5);
        assertThat(wrongBoxed.reward(TaskReward.INDEPENDENT)).isEqualTo(-0.5);
        assertThat(notInteger.reward(TaskReward.INDEPENDENT)).isEqualTo(-0.5);
        assertThat(nothing.reward(TaskReward.INDEPENDENT)).isEqualTo(-1.0);
        assertThat(lastBoxWins.reward(TaskReward.INDEPENDENT)).isEqualTo(-0.5);
        assertThat(worked.reward(TaskReward.BINARY)).isEqualTo(1.0);
        assertThat(unboxed.reward(TaskReward.BINARY)).isEqualTo(1.0);
        assertThat(wrongBoxed.reward(TaskReward.BINARY)).isEqualTo(0.0);
        assertThat(worked.extracted()).isEqualTo("28");
        assertThat(unboxed.extracted()).isEqualTo("28");
        assertThat(nothing.reason()).isEqualTo("no-answer");
    }

    @Test
    void aProblemWithoutAnIntegerAnswerIsRejectedByName() {
        Problem p = new Problem("odd-one", "arithmetic", 1, "1+1", "two", "");
        assertThatThrownBy(() -> ArithmeticTask.level(1).verify(p, "\\boxed{2}")).hasMessageContaining("odd-one");
    }

    @Test
    void timedOutVerdictsScoreAsWrong() {
        assertThat(Verdict.timeout("", false).reward(TaskReward.INDEPENDENT)).isEqualTo(-1.0);
        assertThat(Verdict.timeout("28", true).reward(TaskReward.BINARY)).isEqualTo(0.0);
    }

    @Test
    void unknownLevelsAreRejectedByName() {
        assertThatThrownBy(() -> ArithmeticTask.level(0)).hasMessageContaining("levels 1..6");
        assertThatThrownBy(() -> ArithmeticTask.level(ArithmeticLevel.count() + 1)).hasMessageContaining("got 7");
    }

    @Test
    void theAlphabetIsTwentyFiveDistinctCharactersAndMakesATokenizer() {
        assertThat(ArithmeticTask.ALPHABET.chars().distinct().count()).isEqualTo(ArithmeticTask.ALPHABET.length());
        assertThat(ArithmeticTask.ALPHABET).hasSize(25);
        CharTokenizer tok = CharTokenizer.of(ArithmeticTask.ALPHABET, 512);
        String solution = "=12+21-5\n=33-5\n=28\n\\boxed{28}";
        assertThat(tok.encode(solution)).doesNotContain(CharTokenizer.UNK);
        assertThat(tok.decode(tok.encode(solution))).isEqualTo(solution);
    }
}
