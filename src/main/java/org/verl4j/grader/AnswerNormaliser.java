package org.verl4j.grader;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts an answer string in the canonical form both sides are compared in: the reference's
 * {@code strip_string} (Qwen2.5-Math {@code parser.py}), step by step, in its order.
 *
 * <pre>
 * "\left( \dfrac{3}{2}, -13 \right)"  →  "(\frac{3}{2},-13)"
 * "5 \text{ cm}"                      →  "5"            "x = 16"  →  "16"
 * "68\%"                              →  "68"           "\frac13" →  "\frac{1}{3}"      "3/4" → "\frac{3}{4}"
 * </pre>
 *
 * Deliberate differences (see the README's list): a unit {@code \text{…}} followed by an exponent or written
 * with {@code \mathrm} is removed as a unit; "°" and {@code {,}} are handled; a single-symbol left side
 * ({@code \theta = 32}, {@code x_1 = 12}, {@code x \approx 20}) is dropped like a one-letter one; unit words
 * spare LaTeX commands (see {@link UnitWords}).
 */
public final class AnswerNormaliser {

    private static final Pattern ARRAY_BEGIN = Pattern.compile("\\\\begin\\{array\\}\\{.*?\\}");
    private static final Pattern TRAILING_TEXT = Pattern.compile("\\\\text\\{.*?\\}$");
    private static final Pattern TRAILING_UNIT = Pattern.compile(
            "\\\\(?:text|mathrm|textrm|mbox)\\{[~\\s]*([A-Za-z][A-Za-z\\s~./]*)\\}(\\^\\{?\\d\\}?)?\\s*$");
    /** Upright letters that are numbers, not units: the imaginary unit and Euler's e. */
    private static final Set<String> NOT_UNITS = Set.of("i", "e");
    private static final Pattern TRAILING_SPACING = Pattern.compile("(\\\\[,;: !]?|\\\\q?quad|~|\\s)+$");
    private static final Pattern NUMBER_THEN_WORDS = Pattern.compile(
            "(-?\\d[\\d,]*(?:\\.\\d+)?)\\s+([A-Za-z]{2,})(?:\\s+[A-Za-z]+)*");
    private static final Pattern THIN_SPACE_THOUSANDS = Pattern.compile("(\\d)\\\\[,;!]\\s*(?=\\d{3}(?!\\d))");
    private static final Set<String> MATH_WORDS =
            Set.of("pi", "sin", "cos", "tan", "cot", "sec", "csc", "ln", "log", "exp", "sqrt", "and", "or");
    private static final Pattern TEXT = Pattern.compile("\\\\text\\{(.*?)\\}");
    private static final Pattern MBOX = Pattern.compile("\\\\mbox\\{.*?\\}");
    private static final Pattern ZEROS_BEFORE_NON_DIGIT = Pattern.compile("(\\d)\\.0*+([^\\d])"); // one digit: linear
    private static final Pattern ZEROS_AT_END = Pattern.compile("(\\d)\\.0*+$");
    private static final Pattern SQRT_BARE = Pattern.compile("\\\\sqrt(\\w+)");
    private static final Pattern SYMBOL_LHS = Pattern.compile(
            "\\s*(?:[A-Za-z]|\\\\[A-Za-z]+)(?:_\\{?\\w+\\}?)?\\s*(?:=|\\\\approx)(.+)");
    private static final String[] VARIABLE_PREFIXES =
            {"x=", "y=", "z=", "x\\in", "y\\in", "z\\in", "x\\to", "y\\to", "z\\to"};

    private AnswerNormaliser() {
    }

    /** {@code strip_string(s, skip_unit)}: skipUnit is true for carp_en and minerva_math in the reference. */
    public static String normalise(String answer, boolean skipUnit) {
        String s = HumanForms.rewrite(answer.strip().replace("\n", ""));          // deliberate: 14–21
        s = stripTrailing(s, '.');
        s = s.replace("\\!", "");
        s = ARRAY_BEGIN.matcher(s).replaceAll(Matcher.quoteReplacement("\\begin{pmatrix}"));
        s = s.replace("\\end{array}", "\\end{pmatrix}").replace("bmatrix", "pmatrix");
        s = s.replace("tfrac", "frac").replace("dfrac", "frac");
        s = s.replace("\\neq", "\\ne").replace("\\leq", "\\le").replace("\\geq", "\\ge");
        s = s.replace("\\left", "").replace("\\right", "");
        s = s.replace("\\{", "{").replace("\\}", "}");
        s = s.replace("{,}", ",");                                               // deliberate: 3{,}000
        s = THIN_SPACE_THOUSANDS.matcher(s).replaceAll("$1");                     // deliberate: 3\,000
        s = removeTrailingUnit(s);
        if (!skipUnit) s = UnitWords.remove(s);
        s = s.replace("^{\\circ}", "").replace("^\\circ", "").replace("°", "");  // deliberate: "°"
        s = s.replace("\\$", "").replace("$", "").replace("\\(", "").replace("\\)", "");
        s = WordNumber.convert(s);
        s = TEXT.matcher(s).replaceAll("$1");
        for (String prefix : VARIABLE_PREFIXES) s = s.replace(prefix, "");
        s = s.replace("\\emptyset", "{}").replace("(-\\infty,\\infty)", "\\mathbb{R}");
        s = s.replace("\\%", "").replace("%", "");
        s = s.replace(" .", " 0.").replace("{.", "{0.");
        s = s.replace("infinity", "\\infty");
        if (!s.contains("\\infty")) s = s.replace("inf", "\\infty");
        s = s.replace("+\\inity", "\\infty");
        s = s.replace("and", "").replace("\\mathbf", "");
        s = MBOX.matcher(s).replaceAll("");
        if (s.contains("j") && !s.contains("i")) s = s.replace('j', 'i');
        s = ZEROS_BEFORE_NON_DIGIT.matcher(s).replaceAll("$1$2");
        s = ZEROS_AT_END.matcher(s).replaceAll("$1");
        if (s.isEmpty()) return s;
        if (s.charAt(0) == '.') s = "0" + s;
        s = dropShortLeftSide(s);
        s = SQRT_BARE.matcher(s).replaceAll(Matcher.quoteReplacement("\\sqrt{") + "$1}");
        s = s.replace(" ", "");
        s = FractionShorthand.fixFracs(s);
        s = FractionShorthand.fixSlash(s);
        return s;
    }

    /**
     * "5 \text{ cm}" → "5": the reference's trailing-\text rule; deliberately also a unit in \text/\mathrm
     * with an exponent ("80\text{ cm}^2"), LaTeX spacing left before it ("203\ \text{km}", "7\,\text{m}"),
     * and a number followed by plain words ("12 dollars"), each only when a number remains.
     */
    private static String removeTrailingUnit(String s) {
        String t = TRAILING_TEXT.matcher(s).replaceAll("").strip();
        // deliberate: never cut inside a brace group ("v_{\text{esc}}" would become "v_{", equal to "v_{\text{orb}}")
        if (!t.isEmpty() && !t.equals(s) && Brackets.bracesBalanced(t)) {
            s = t;
            String unspaced = TRAILING_SPACING.matcher(s).replaceAll("");
            if (!unspaced.isEmpty() && Character.isDigit(unspaced.charAt(unspaced.length() - 1))) s = unspaced;
        }
        Matcher unit = TRAILING_UNIT.matcher(s);
        if (unit.find() && unit.start() > 0 && !NOT_UNITS.contains(unit.group(1).strip())) {
            String rest = TRAILING_SPACING.matcher(s.substring(0, unit.start())).replaceAll("");
            if (!rest.isEmpty() && Character.isDigit(rest.charAt(rest.length() - 1))) s = rest;
        }
        Matcher words = NUMBER_THEN_WORDS.matcher(s);
        if (words.matches() && !MATH_WORDS.contains(words.group(2).toLowerCase(Locale.ROOT))) s = words.group(1);
        return s;
    }

    /** "k = 5" → "5" when the left side has at most 2 characters (reference) or is one symbol (deliberate). */
    private static String dropShortLeftSide(String s) {
        String[] parts = s.split("=", -1);
        if (parts.length == 2 && parts[0].length() <= 2) return parts[1];
        Matcher symbol = SYMBOL_LHS.matcher(s);
        if (symbol.matches() && !symbol.group(1).contains("=")) return symbol.group(1);
        return s;
    }

    static String stripTrailing(String s, char c) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == c) end--;
        return s.substring(0, end);
    }
}
