package org.verl4j.grader;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ways of writing an answer that a human reads as the plain answer, rewritten before the reference's
 * {@code strip_string} steps (deliberate differences 14–21 of the README; issue 11). Every pattern is linear:
 * negated classes or single-character look-arounds, no nested quantifiers.
 *
 * <pre>
 * "\textbf{5}", "\boldsymbol{5}"         → "5"
 * "\text{an ellipse}", "\text{The circle}" → "\text{ellipse}", "\text{circle}"      (a leading article;
 *                                          a capital "A" is an option letter, never an article)
 * "90\degree"                              → "90"                                    (like ^\circ)
 * "1\ 000\ 000", "1 000" (U+2009, U+202F, U+00A0 between digit groups) → "1000000", "1000"
 * "(a, b) = (3, -1)"                       → "(3, -1)"                               (a tuple named by its variables)
 * "2 \text{ and } 3", "-1 and 4", "1, 2, and 3" → "2,3", "-1,4", "1, 2,3"            (a list; the reference deletes "and")
 * "(-\infty, 2) U (3, \infty)"             → "(-\infty, 2)\cup(3, \infty)"           (U between intervals)
 * "\ln{2}", "\sin{x}"                      → "\ln 2", "\sin x"                      (braces round one token)
 * </pre>
 */
final class HumanForms {

    private static final Pattern BOLD = Pattern.compile("\\\\(?:textbf|boldsymbol|bm|mathbf)\\{([^{}]*)\\}");
    private static final Pattern ARTICLE = Pattern.compile("\\\\(text|textrm|mathrm)\\{\\s*(?:an?|An|[Tt]he)\\s+([^{}]*)\\}");
    private static final Pattern DIGIT_GROUP_SPACE =
            Pattern.compile("(\\d)(?:\\\\ |[\u2009\u202F\u00A0])(?=\\d{3}(?!\\d))");
    private static final Pattern TUPLE_ASSIGNMENT = Pattern.compile(
            "\\(\\s*\\\\?[A-Za-z][A-Za-z0-9_]*+(?:\\s*,\\s*\\\\?[A-Za-z][A-Za-z0-9_]*+)+\\s*\\)\\s*=\\s*(\\(.*\\))");
    private static final Pattern TEXT_AND = Pattern.compile("\\s*+,?\\s*+\\\\(?:text|textrm|mbox)\\{\\s*+and\\s*+\\}\\s*+");
    private static final Pattern WORD_AND = Pattern.compile("(?<=[\\w})\\]])(?:\\s*+,)?\\s++and\\s++(?=[\\w\\\\({\\[+-])");
    private static final Pattern U_BETWEEN_INTERVALS = Pattern.compile("(?<=[)\\]])\\s*U\\s*(?=[(\\[])");
    private static final Pattern FUNCTION_BRACED_TOKEN =
            Pattern.compile("\\\\(ln|log|sin|cos|tan|sec|csc|cot|exp)\\{(\\d++|[A-Za-z])\\}");

    private HumanForms() {
    }

    static String rewrite(String s) {
        s = BOLD.matcher(s).replaceAll("$1");
        s = ARTICLE.matcher(s).replaceAll("\\\\$1{$2}");
        s = s.replace("^\\degree", "").replace("^{\\degree}", "").replace("\\degree", "");
        s = DIGIT_GROUP_SPACE.matcher(s).replaceAll("$1");
        Matcher tuple = TUPLE_ASSIGNMENT.matcher(s.strip());
        if (tuple.matches()) s = tuple.group(1);
        s = TEXT_AND.matcher(s).replaceAll(",");
        s = WORD_AND.matcher(s).replaceAll(",");
        s = U_BETWEEN_INTERVALS.matcher(s).replaceAll(Matcher.quoteReplacement("\\cup"));
        s = FUNCTION_BRACED_TOKEN.matcher(s).replaceAll("\\\\$1 $2");
        return s;
    }
}
