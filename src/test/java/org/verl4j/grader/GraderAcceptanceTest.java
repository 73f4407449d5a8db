package org.verl4j.grader;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers a human accepts (issue 11), each a general rule, and the other direction guarded. Rows:
 * response | ground truth. The oracle is the judgement written in the issue ("\textbf{…}", "\degree", …).
 */
class GraderAcceptanceTest {

    private final MathGrader grader = new MathGrader();

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\\boxed{\\textbf{5}}                      | 5",
            "\\boxed{\\text{an ellipse}}               | \\text{ellipse}",
            "\\boxed{\\text{a parabola}}               | parabola",
            "\\boxed{\\text{The circle}}               | circle",
            "\\boxed{90\\degree}                       | 90",
            "\\boxed{45^\\circ}                        | 45",
            "\\boxed{30^{\\circ}}                      | 30",
            "\\boxed{1\\ 000\\ 000}                    | 1000000",
            "\\boxed{12\\ 345}                         | 12345",
            "\\boxed{1 000 000}                        | 1000000",
            "\\boxed{1\u2009000}                       | 1000",
            "\\boxed{1\u202F000}                       | 1000",
            "\\boxed{7\\,}                             | 7",
            "\\boxed{7\\;}                             | 7",
            "\\boxed{7\\!}                             | 7",
            "\\boxed{\\frac{1}{2}\\,}                  | \\frac{1}{2}",
            "\\boxed{(a, b) = (3, -1)}                 | (3,-1)",
            "\\boxed{(x, y, z) = (1, 2, 3)}            | (1,2,3)",
            "\\boxed{2x - y + z = 3}                   | z = 3 - 2x + y",
            "\\boxed{4x - 2y + 2z = 6}                 | 2x - y + z = 3",
            "\\boxed{x + 2y = 4}                       | y = 2 - \\frac{x}{2}",
            "\\boxed{\\ln{2}}                          | ln2",
            "\\boxed{\\ln 2}                           | \\ln{2}",
            "\\boxed{1; 2; 3}                          | 1,2,3",
            "\\boxed{2 \\text{ and } 3}                | 2, 3",
            "\\boxed{-1 and 4}                         | 4, -1",
            "\\boxed{1, 2 and 3}                       | 3,2,1",
            "After checking every option, we pick C.   | C",
            "\\boxed{\\text{A and C}}                  | AC",
            "\\boxed{A and C}                          | AC",
            "\\boxed{A, C}                             | AC",
            "\\boxed{\\text{we pick C}}                | C",
            "\\boxed{(-\\infty, 2) U (3, \\infty)}     | (-\\infty,2)\\cup(3,\\infty)",
            "\\boxed{[1, 2] U [5, 6)}                  | [1,2]\\cup[5,6)",
    })
    void accepted(String response, String truth) {
        Verdict v = grader.grade(response.strip(), truth.strip(), null);
        assertThat(v.correct()).as("%s vs %s: extracted %s, %s", response, truth, v.extracted(), v.reason()).isTrue();
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\\boxed{3.14159}                          | 3.14158",
            "\\boxed{0.1235}                           | 0.1234",
            "\\boxed{2.71}                             | 2.72",
            "\\boxed{}                                 | \"\"",
            "\\boxed{ }                                | \"\"",
            "\\boxed{\\textbf{6}}                      | 5",
            "\\boxed{\\text{an ellipse}}               | hyperbola",
            "\\boxed{91\\degree}                       | 90",
            "\\boxed{1\\ 000\\ 001}                    | 1000000",
            "\\boxed{(a, b) = (3, 1)}                  | (3,-1)",
            "\\boxed{2x - y + z = 4}                   | 2x - y + z = 3",
            "\\boxed{2x - y + z = 3}                   | 2x + y + z = 3",
            "\\boxed{x^2 = 4}                          | x = 2",
            "\\boxed{\\ln{3}}                          | ln2",
            "\\boxed{1; 2; 4}                          | 1,2,3",
            "\\boxed{2 \\text{ and } 3}                | 2, 3, 4",
            "After checking every option, we pick C.   | D",
            "\\boxed{(-\\infty, 2) U (4, \\infty)}     | (-\\infty,2)\\cup(3,\\infty)",
            "\\boxed{U}                                | \\cup",
    })
    void rejected(String response, String truth) {
        Verdict v = grader.grade(response.strip(), truth.strip(), null);
        assertThat(v.correct()).as("%s vs %s: extracted %s, %s", response, truth, v.extracted(), v.reason()).isFalse();
    }
}
