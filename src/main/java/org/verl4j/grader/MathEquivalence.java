package org.verl4j.grader;

import org.verl4j.grader.symbolic.Deadline;
import org.verl4j.grader.symbolic.SymbolicEquality;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a normalised prediction equals a normalised reference: the reference's {@code math_equal}, in its
 * order, each step returning the name of the rule that decided.
 *
 * <pre>
 * 1 case-insensitive string equality            5 brackets stripped, then string equality
 * 2 a choice letter A–E                          6 (a,b) vs (c,d): element-wise      7 matrices: element-wise
 *                                                  (6 and 7 fall through to 8 and 9 when they fail)
 * 3 numbers: p ≈ r (and r/100, r·100)           8 equations a=b vs c=d: a−b ≡ ±(c−d); "x=v" vs v
 * 4 empty prediction: wrong                      9 symbolic equality ({@link SymbolicEquality})
 * </pre>
 *
 * Number closeness is Python's {@code isclose(r, p, rel_tol=1e-4)}. Deliberate differences (README): when
 * either side is an integer literal the numbers must be exactly equal; r/100 and r·100 count only when a percent sign was
 * written; spaces never matter; inequalities compare side by side ({@link Relations}); interval brackets must match; "\\ln2" equals "ln2" and "even function" equals "even" as strings; comma lists and ∪ of intervals compare as unordered
 * collections, with a ± element standing for both signs.
 */
final class MathEquivalence {

    private static final double REL_TOL = 1e-4;
    private static final Pattern LIST_FORMAT = Pattern.compile("^[(\\[].+[)\\]]");
    private static final Pattern FUNCTION_BACKSLASH =
            Pattern.compile("\\\\(ln|log|sin|cos|tan|cot|sec|csc|exp)(?![a-zA-Z])");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final List<String> GENERIC_NOUNS = List.of("function", "functions", "number", "numbers");
    private static final String BEGIN = "\\begin{pmatrix}";
    private static final String END = "\\end{pmatrix}";

    private final boolean percentWritten;
    private final Deadline deadline;

    MathEquivalence(boolean percentWritten, Deadline deadline) {
        this.percentWritten = percentWritten;
        this.deadline = deadline;
    }

    /** The rule that found prediction ≡ reference, or empty when none did. */
    Optional<String> equal(String prediction, String reference) {
        deadline.check();
        if (prediction.strip().toLowerCase(Locale.ROOT).equals(reference.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("exact_string_ci");
        }
        if (FUNCTION_BACKSLASH.matcher(prediction).replaceAll("$1").strip()
                .equalsIgnoreCase(FUNCTION_BACKSLASH.matcher(reference).replaceAll("$1").strip())) {
            return Optional.of("string_without_function_backslash");
        }
        if (WHITESPACE.matcher(prediction).replaceAll("").equalsIgnoreCase(WHITESPACE.matcher(reference).replaceAll(""))) {
            return Optional.of("string_without_spaces");
        }
        if (sameWordUpToGenericNoun(prediction.strip(), reference.strip())) return Optional.of("text_generic_noun");
        if (ChoiceAnswer.isSingleLetter(reference) && ChoiceAnswer.fromAnswer(prediction).equals(reference)) {
            return Optional.of("choice");
        }
        if (numericallyEqual(prediction, reference)) return Optional.of("numeric_close");
        if (!percentWritten && sameDecimalPlaces(prediction, reference)) return Optional.empty();  // decisive
        if (prediction.isEmpty()) return Optional.empty();
        String ref = reference.strip();
        String pred = prediction.strip();
        if (pred.contains("pmatrix") && !ref.contains("pmatrix")) ref = MatrixText.fromBraces(ref);
        if (Brackets.isInterval(pred) && Brackets.isInterval(ref) && !Brackets.sameKind(pred, ref)) {
            return Optional.empty();
        }
        if (UnorderedParts.equal(pred, ref, this)) return Optional.of("unordered_elements");
        String predStripped = pred;
        String refStripped = ref;
        if ((hasFormat(pred, '[', ']') && !hasFormat(ref, '(', ')'))
                || (hasFormat(pred, '(', ')') && !hasFormat(ref, '[', ']'))) {
            predStripped = Brackets.stripEnds(pred);
            refStripped = Brackets.stripEnds(ref);
        }
        if (Brackets.removeAll(predStripped).equalsIgnoreCase(Brackets.removeAll(refStripped))) {
            return Optional.of("bracket_stripped_string");
        }
        if (LIST_FORMAT.matcher(pred).find() && LIST_FORMAT.matcher(ref).find()
                && elementwise(pred.substring(1, pred.length() - 1), ref.substring(1, ref.length() - 1))) {
            return Optional.of("tuple_elementwise");
        }
        if (isMatrix(pred) && isMatrix(ref) && MatrixText.equal(pred, ref, this)) {
            return Optional.of("matrix_elementwise");
        }
        Optional<Boolean> relation = Relations.compare(pred, ref, this);
        if (relation.isPresent()) return relation.get() ? Optional.of("relation") : Optional.empty();
        Optional<Boolean> equation = Equations.compare(pred, ref, this);
        if (equation.isPresent()) return equation.get() ? Optional.of("equation") : Optional.empty();
        return SymbolicEquality.equal(pred, ref, deadline) ? Optional.of("symbolic") : Optional.empty();
    }

    /** "evenfunction" vs "even" (from "\text{even function}"): a word answer plus a generic noun (deliberate). */
    private static boolean sameWordUpToGenericNoun(String a, String b) {
        if (!WORD.matcher(a).matches() || !WORD.matcher(b).matches()) return false;
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        for (String noun : GENERIC_NOUNS) {
            if (x.equals(y + noun) || y.equals(x + noun)) return true;
        }
        return false;
    }

    boolean isEqual(String prediction, String reference) {
        return equal(prediction, reference).isPresent();
    }

    Deadline deadline() {
        return deadline;
    }

    /** "a,b,c" vs "d,e,f" split on every comma (as the reference does), equal part by part. */
    private boolean elementwise(String pred, String ref) {
        String[] p = pred.split(",", -1);
        String[] r = ref.split(",", -1);
        if (p.length != r.length) return false;
        for (int k = 0; k < p.length; k++) {
            if (!isEqual(p[k], r[k])) return false;
        }
        return true;
    }

    /** is_numerical_equal: both plain numbers, p ≈ r (or r/100, r·100 when a percent sign was written). */
    private boolean numericallyEqual(String prediction, String reference) {
        Optional<NumberLiteral> p = NumberLiteral.parse(prediction);
        Optional<NumberLiteral> r = NumberLiteral.parse(reference);
        if (p.isEmpty() || r.isEmpty()) return false;
        if (r.get().integerLiteral() || p.get().integerLiteral() || sameDecimalPlaces(p.get(), r.get())) {
            if (p.get().value().compareTo(r.get().value()) == 0) return true;
        } else if (isClose(p.get().toDouble(), r.get().toDouble())) {
            return true;
        }
        if (!percentWritten) return false;
        double ref = r.get().toDouble();
        return isClose(p.get().toDouble(), ref / 100) || isClose(p.get().toDouble(), ref * 100);
    }

    /**
     * Deliberate difference 22: two decimals written to the same number of places (3.14159 vs 3.14158) state the
     * same precision, so a different last digit is a different answer (the reference's 1e-4 would accept it).
     */
    private static boolean sameDecimalPlaces(NumberLiteral p, NumberLiteral r) {
        return p.value().scale() > 0 && p.value().scale() == r.value().scale();
    }

    private static boolean sameDecimalPlaces(String prediction, String reference) {
        Optional<NumberLiteral> p = NumberLiteral.parse(prediction);
        Optional<NumberLiteral> r = NumberLiteral.parse(reference);
        return p.isPresent() && r.isPresent() && sameDecimalPlaces(p.get(), r.get());
    }

    /** Python's math.isclose(r, p, rel_tol=1e-4, abs_tol=0). */
    static boolean isClose(double p, double r) {
        if (p == r) return true;
        if (!Double.isFinite(p) || !Double.isFinite(r)) return false;
        return Math.abs(p - r) <= REL_TOL * Math.max(Math.abs(p), Math.abs(r));
    }

    static boolean hasFormat(String s, char start, char end) {
        return !s.isEmpty() && s.charAt(0) == start && s.charAt(s.length() - 1) == end;
    }

    static boolean isMatrix(String s) {
        return (s.startsWith(BEGIN) || s.startsWith("\\begin{bmatrix}"))
                && (s.endsWith(END) || s.endsWith("\\end{bmatrix}"));
    }

    static List<String> matrixBounds() {
        return List.of(BEGIN, END);
    }
}
