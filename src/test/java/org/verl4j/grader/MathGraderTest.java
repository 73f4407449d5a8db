package org.verl4j.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end grading of hand-written answers: the reference's equivalences (math_equal) and each deliberate
 * difference, with the human judgement as the oracle.
 */
class MathGraderTest {

    private final MathGrader grader = new MathGrader();

    private boolean equal(String pred, String gt) {
        return grader.grade("\\boxed{" + pred + "}", gt, null).correct();
    }

    @ParameterizedTest(name = "{0} ≡ {1}")
    @CsvSource(delimiter = '|', value = {
            "0.5|\\frac{1}{2}",
            "\\frac{653}{2}|326.5",
            "0.86667|\\frac{13}{15}",
            "\\sqrt{20}|2\\sqrt{5}",
            "\\sqrt[3]{8}|2",
            "6 \\cdot \\sqrt{2}|6\\sqrt{2}",
            "\\pi/2|\\frac{\\pi}{2}",
            "3-13x|-13x+3",
            "2(3r^2-2r-12)|6r^2-4r-24",
            "\\frac{x+2}{7}|\\frac{x}{7}+\\frac{2}{7}",
            "\\frac{1}{\\cos^2 y}|\\tan^2 y+1",
            "\\sin^2 x + \\cos^2 x|1",
            "\\log_{2} 8|3",
            "e^{i\\pi}|-1",
            "(1+i)^2|2i",
            "+7i-2|-2 + 7i",
            "(1.5, -13)|\\left( \\frac{3}{2}, -13 \\right)",
            "[0.5, 8]|[\\frac{1}{2}, 8]",
            "\\begin{pmatrix} 0.2 \\\\ -3.6 \\end{pmatrix}|\\begin{pmatrix} 1/5 \\\\ -18/5 \\end{pmatrix}",
            "y = 2x + 3|2x+3",
            "u + v = 1|1 - u = v",
            "x=8, y=-2|(8,-2)",
            "4 \\times 10^{5}|400000",
            "8.49 \\times 10^{-4}|8.49e-4",
            "3.61*10^-10|3.61e-10",
            "sqrt(26)|\\sqrt{26}",
            "5\\cdot r^5|5r^5",
            "5\\frac{1}{2}|\\frac{11}{2}",
            "1.8|1\\frac{4}{5}",
            "11, 9, 3, 1|1,3,9,11",
            "(8,18), (2,32)|(2,32), (8,18)",
            "(3, \\infty) \\cup (-\\infty, 2)|(-\\infty, 2) \\cup (3, \\infty)",
            "-2, 1+\\sqrt{5}, 1-\\sqrt{5}|\\{1\\pm\\sqrt{5},-2\\}",
            "3{,}000|3000",
            "3,000.00|3000",
            "\\text{C}|\\text{(C)}",
            "x_1 = 12|12",
            "\\ln 2|ln2",
            "25\\%|25",
            "10\\%|0.1",
            "x<-2|x < - 2",
            "6.022 \\times 10^{23}|6.02214076e23",
            "\\frac{1+\\sqrt{5}}{2}, \\frac{1-\\sqrt{5}}{2}|\\frac{1\\pm\\sqrt{5}}{2}",
            "3, -3|\\pm 3",
            "-2 > x|x < -2",
            "m \\leq \\sqrt{3}|m \\le \\sqrt { 3 }",
            "1-5\\mathrm{i}|1-5i",
            "x \\in [-2,7]|[-2,7]",
    })
    void equivalent(String pred, String gt) {
        assertThat(equal(pred, gt)).as(pred + " vs " + gt).isTrue();
        assertThat(grader.grade("\\boxed{" + pred + "}", gt, null).timedOut()).isFalse();
    }

    @ParameterizedTest(name = "{0} ≢ {1}")
    @CsvSource(delimiter = '|', value = {
            "v_{\\text{esc}}|v_{\\text{orb}}",
            "\\lambda_{\\text {red}} / \\sqrt{2}|\\lambda_{\\text {blue}}",
            "60001|60000",
            "230.0207|230",
            "0.05|5",
            "600|6",
            "(3, 4)|(3,4]",
            "[2, \\infty)|(2,\\infty)",
            "(-\\infty, 2] \\cup [3, \\infty)|(-\\infty,2)\\cup(3,\\infty)",
            "2516_9|2516_8",
            "west|\\text{east}",
            "13911|1,3,9,11",
            "2,7|27",
            "0.93|\\frac{14}{15}",
            "-\\frac{4}{3}|\\frac{4}{3}",
            "(2,3)|(3,2)",
            "x^3+3x+6|x^3+3x-6",
            "1+\\sqrt{5}, 1-\\sqrt{5}, -2, 2|\\{1\\pm\\sqrt{5},-2\\}",
            "\\begin{pmatrix} -2 & -14 \\end{pmatrix}|\\begin{pmatrix} -2 \\\\ -14 \\end{pmatrix}",
            "f(x)=x-1|f(x)=x+1",
            "0.6931|ln2",
            "odd|\\text{even}",
            "1|1\\frac{4}{5}",
            "x<2|x \\le 2",
            "\\frac{600001}{10}|60000",
            "x>2|x<2",
            "1-5\\mathrm{i}|1-5",
    })
    void notEquivalent(String pred, String gt) {
        assertThat(equal(pred, gt)).as(pred + " vs " + gt).isFalse();
    }

    @Test
    void collectionsNeedEveryElementMatched() {
        String ones = String.join(",", java.util.Collections.nCopies(12, "1"));
        assertThat(equal(ones, ones.substring(0, ones.length() - 1) + "2")).isFalse();
        assertThat(equal("2,1,1,1,1,1,1,1,1,1,1,1", ones.substring(0, ones.length() - 1) + "2")).isTrue();
    }

    @Test
    void pathologicalInputsEndInAVerdict() {
        String huge = "\\boxed{" + "1+".repeat(100_000) + "1}";
        Verdict v = grader.grade(huge, "100001", null, org.verl4j.grader.symbolic.Deadline.in(5_000));
        assertThat(v.correct()).isFalse();
        assertThat(v.reason()).doesNotStartWith(MathGrader.ERROR_PREFIX);
        Verdict nested = grader.grade("\\boxed{" + "(".repeat(3000) + "1" + ")".repeat(3000) + "}", "1", null);
        assertThat(nested.reason()).doesNotStartWith(MathGrader.ERROR_PREFIX);
    }

    @Test
    void anEmptyAnswerIsNeverCorrect() {
        Verdict v = grader.grade("I do not know", "", null);
        assertThat(v.correct()).isFalse();
        assertThat(v.reason()).isEqualTo("no_answer");
    }

    @Test
    void choiceLettersAreFoundForLetterGroundTruths() {
        assertThat(grader.grade("Checking each option, the answer is (B).", "B", "gaokao2024_mix").correct()).isTrue();
        assertThat(grader.grade("因此答案是C。", "C", "gaokao2024_mix").correct()).isTrue();
        assertThat(grader.grade("故选：BC", "BC", "gaokao2024_I").correct()).isTrue();
        assertThat(grader.grade("$\\boxed{A, C, D}$", "ACD", "gaokao2024_I").correct()).isTrue();
        assertThat(grader.grade("$\\boxed{AB}$", "ABD", "gaokao2024_I").correct()).isFalse();
    }

    @Test
    void theVerdictReportsTheExtractedAnswerAndWhetherItWasBoxed() {
        Verdict v = grader.grade("so $\\boxed{\\dfrac{1}{4}}$.", "0.25", "math500");
        assertThat(v).isEqualTo(new Verdict(true, "\\frac{1}{4}", "symbolic", false, true));
        Verdict plain = grader.grade("The answer is 12.", "12", "gsm8k");
        assertThat(plain.boxed()).isFalse();
        assertThat(plain.reason()).isEqualTo("exact_string_ci");
    }

    @Test
    void minervaGroundTruthKeepsItsUnits() {
        assertThat(grader.grade("The final answer is $3 s$. I hope it is correct.", "3 s", "minerva_math").correct()).isTrue();
    }

    @Test
    void anExpiredDeadlineGivesATimeoutVerdict() {
        Verdict v = grader.grade("\\boxed{x^2}", "x^2+0", null, new org.verl4j.grader.symbolic.Deadline(System.nanoTime() - 1));
        assertThat(v.timedOut()).isTrue();
        assertThat(v.correct()).isFalse();
        assertThat(v.reason()).isEqualTo("timeout");
    }
}
