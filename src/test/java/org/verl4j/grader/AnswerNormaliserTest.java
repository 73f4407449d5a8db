package org.verl4j.grader;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** strip_string steps, one example each, worked by hand from the reference's rules (and the documented differences). */
class AnswerNormaliserTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\\left( \\dfrac{3}{2}, -13 \\right)|(\\frac{3}{2},-13)",
            "\\tfrac{1}{4}|\\frac{1}{4}",
            "5 \\text{ cm}|5",
            "x = 16|16",
            "68\\%|68",
            "\\frac13|\\frac{1}{3}",
            "\\frac1{72}|\\frac{1}{72}",
            "-3/2|\\frac{-3}{2}",
            "3/x|3/x",
            "9.000|9",
            "2.50x|2.50x",
            "76^\\circ|76",
            "23°|23",
            "\\$4.50|4.50",
            "Two|2",
            "twenty one|21",
            "\\{1,2\\}|{1,2}",
            "\\sqrt2|\\sqrt{2}",
            ".5|0.5",
            "\\begin{bmatrix}1\\\\2\\end{bmatrix}|\\begin{pmatrix}1\\\\2\\end{pmatrix}",
            "3{,}000|3,000",
            "\\theta = 32|32",
            "x_1 = 12|12",
            "x \\approx 20|20",
            "80\\text{ cm}^2|80",
            "203\\ \\text{km}|203",
            "2 \\mathrm{~cm}|2",
            "165 apples|165",
            "1\\pm\\sqrt{5}|1\\\\sqrt{5}",
            "f(x) = 2 x|f(x)=2x",
            "\\text{east}|east",
            "infinity|\\infty",
    })
    void normalisesLikeTheReference(String input, String expected) {
        assertThat(AnswerNormaliser.normalise(input, false)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1} (units kept)")
    @CsvSource(delimiter = '|', value = {"5 m|5m", "3 s|3s", "\\frac{1}{s+a}|\\frac{1}{s+a}"})
    void minervaKeepsUnitWords(String input, String expected) {
        assertThat(AnswerNormaliser.normalise(input, true)).isEqualTo(expected);
    }
}
