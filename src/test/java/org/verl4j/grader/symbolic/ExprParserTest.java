package org.verl4j.grader.symbolic;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Parsed constants evaluated against values computed independently with java.lang.Math. */
class ExprParserTest {

    private static double value(String text) {
        Complex z = ExprParser.parse(text, Deadline.none()).eval(Map.of(), Deadline.none());
        assertThat(z.im()).as("imaginary part of " + text).isCloseTo(0, within(1e-12));
        return z.re();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "\\frac{1}{2}|0.5",
            "\\frac34|0.75",
            "2^10|1024",
            "2^{-2}|0.25",
            "-3^2|-9",
            "(-3)^2|9",
            "2^3^2|512",
            "\\sqrt{16}|4",
            "\\sqrt[3]{27}|3",
            "2\\sqrt{2}|2.8284271247461903",
            "3!|6",
            "\\pi|3.141592653589793",
            "2\\pi|6.283185307179586",
            "e^2|7.38905609893065",
            "\\ln e|1",
            "\\log_{10} 1000|3",
            "\\sin\\frac{\\pi}{6}|0.5",
            "\\cos^2 0|1",
            "\\sin^{-1} 1|1.5707963267948966",
            "\\arctan 1|0.7853981633974483",
            "6 \\cdot 7|42",
            "6 \\times 7|42",
            "84 \\div 2|42",
            "sqrt(26)|5.0990195135927845",
            "3.89e-10|3.89e-10",
            "(1+2)(3+4)|21",
            "abs(-5)+1|6",
            "\\dfrac{1}{4}|0.25",
    })
    void evaluatesLikeMath(String text, double expected) {
        assertThat(value(text.replace("dfrac", "frac"))).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }

    @Test
    void iIsTheImaginaryUnit() {
        Complex z = ExprParser.parse("i^2", Deadline.none()).eval(Map.of(), Deadline.none());
        assertThat(z.re()).isCloseTo(-1, within(1e-12));
        assertThat(z.im()).isCloseTo(0, within(1e-12));
    }

    @Test
    void lettersAreVariablesMultipliedTogether() {
        Expr e = ExprParser.parse("2xy+x_1", Deadline.none());
        Complex z = e.eval(Map.of("x", Complex.real(3), "y", Complex.real(5), "x_1", Complex.real(7)), Deadline.none());
        assertThat(z.re()).isEqualTo(37.0);
    }

    @Test
    void exactRationalArithmetic() {
        assertThat(ExprParser.parse("\\frac{1}{3}+\\frac{1}{6}", Deadline.none()).exact())
                .contains(new Rational(java.math.BigInteger.ONE, java.math.BigInteger.TWO));
        assertThat(ExprParser.parse("0.1+0.2", Deadline.none()).exact()).contains(Rational.parseDecimal("0.3"));
        assertThat(ExprParser.parse("\\sqrt{2}", Deadline.none()).exact()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is not an expression")
    @CsvSource(delimiter = '|', value = {"1,2", "x<3", "(1", "\\infty", "a=b", "\\foo{1}", "''"})
    void nonExpressionsAreRejected(String text) {
        assertThatThrownBy(() -> ExprParser.parse(text, Deadline.none())).isInstanceOf(ParseException.class);
    }

    @Test
    void deepNestingIsRejectedNotOverflowed() {
        String deep = "(".repeat(5000) + "1" + ")".repeat(5000);
        assertThatThrownBy(() -> ExprParser.parse(deep, Deadline.none())).isInstanceOf(ParseException.class);
    }

    @Test
    void anExpiredDeadlineStopsParsing() {
        assertThatThrownBy(() -> ExprParser.parse("1+2", new Deadline(System.nanoTime() - 1)))
                .isInstanceOf(GradingTimeoutException.class);
    }
}
