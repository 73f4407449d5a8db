package org.verl4j.grader;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.verl4j.grader.symbolic.Deadline;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class GraderProperties {

    private final MathGrader grader = new MathGrader();

    private boolean correct(String response, String gt) {
        return grader.grade(response, gt, null).correct();
    }

    @Property(tries = 100)
    void anIntegerEqualsItselfInManyFormats(@ForAll @LongRange(min = -2_000_000, max = 2_000_000) long n) {
        String gt = Long.toString(n);
        assertThat(correct("\\boxed{" + n + "}", gt)).isTrue();
        assertThat(correct("The answer is " + n + ".", gt)).isTrue();
        assertThat(correct("so we get " + n, gt)).isTrue();
        assertThat(correct("\\boxed{" + n + ".00}", gt)).isTrue();
        assertThat(correct("\\boxed{\\frac{" + 2 * n + "}{2}}", gt)).isTrue();
        assertThat(correct("\\boxed{" + n + " \\text{ apples}}", gt)).isTrue();
        assertThat(correct("\\boxed{x = " + n + "}", gt)).isTrue();
        assertThat(correct("\\boxed{" + String.format(Locale.ROOT, "%,d", n) + "}", gt)).isTrue();
    }

    @Property(tries = 200)
    void differentIntegersAreNotEqual(@ForAll @LongRange(min = -100_000, max = 100_000) long n,
                                      @ForAll @IntRange(min = 1, max = 50) int delta) {
        assertThat(correct("\\boxed{" + (n + delta) + "}", Long.toString(n))).isFalse();
    }

    @Property(tries = 200)
    void aTerminatingFractionEqualsItsDecimal(@ForAll @IntRange(min = -500, max = 500) int p,
                                              @ForAll @IntRange(min = 0, max = 4) int twos,
                                              @ForAll @IntRange(min = 0, max = 3) int fives) {
        int q = (1 << twos) * (int) Math.pow(5, fives);
        String decimal = new BigDecimal(p).divide(new BigDecimal(q)).toPlainString();
        assertThat(correct("\\boxed{" + decimal + "}", "\\frac{" + p + "}{" + q + "}")).isTrue();
        assertThat(correct("\\boxed{\\frac{" + p + "}{" + q + "}}", decimal)).isTrue();
    }

    @Property(tries = 300)
    void numericEquivalenceIsSymmetric(@ForAll @IntRange(min = -20_000, max = 20_000) int a, @ForAll @IntRange(min = 0, max = 4) int scaleA,
                                       @ForAll @IntRange(min = -3, max = 3) int nudge, @ForAll @IntRange(min = 0, max = 4) int scaleB) {
        String x = BigDecimal.valueOf(a, scaleA).toPlainString();
        String y = BigDecimal.valueOf((long) a * (long) Math.pow(10, scaleB) + nudge, scaleA + scaleB).toPlainString();
        MathEquivalence eq = new MathEquivalence(false, Deadline.none());
        assertThat(eq.isEqual(x, y)).as(x + " vs " + y).isEqualTo(eq.isEqual(y, x));
    }

    @Property(tries = 300)
    void gradingArbitraryTextNeverFailsInternally(
            @ForAll @StringLength(max = 40) @Chars({'\\', '{', '}', '(', ')', '[', ']', '^', '_', '0', '1', '2', '9', '.',
                    ',', '=', '+', '-', '*', '/', '$', '%', 'x', 'e', 'i', 'a', ' ', '|', '!', '&'}) String noise,
            @ForAll @IntRange(min = 0, max = 4) int wrapper) {
        String[] wrappers = {"%s", "\\boxed{%s}", "\\frac{%s}{2}", "\\sqrt{%s}", "The answer is %s"};
        String response = wrappers[wrapper].replace("%s", noise);
        Verdict v = grader.grade(response, noise, null);
        assertThat(v.reason()).doesNotStartWith(MathGrader.ERROR_PREFIX);
        Assume.that(!v.timedOut());
        assertThat(grader.grade(response, "\\frac{1}{2}", "gsm8k").reason()).doesNotStartWith(MathGrader.ERROR_PREFIX);
    }
}
