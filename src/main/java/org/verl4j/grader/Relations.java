package org.verl4j.grader;

import org.verl4j.grader.symbolic.SymbolicEquality;

import java.util.List;
import java.util.Optional;

/**
 * Inequalities and "≠" ({@code x<-2}, {@code m\le\sqrt{3}}), which SymPy's parser reads as relations and our
 * expression parser does not: a ∘ b ≡ c ∘ d when ∘ is the same relation and a ≡ c, b ≡ d, or ∘ is mirrored
 * (&lt; vs &gt;) and a ≡ d, b ≡ c. Applies only when each side has exactly one relation symbol. After
 * normalisation spaces are gone, so "\\lex" reads as "\\le x".
 */
final class Relations {

    /** Longest first, so "\le" is not read inside "\leq" and "\ne" not inside "\neq". */
    private static final List<String> SYMBOLS = List.of("\\leq", "\\geq", "\\neq", "\\le", "\\ge", "\\ne", "\\lt", "\\gt", "<", ">");

    private Relations() {
    }

    static Optional<Boolean> compare(String pred, String ref, MathEquivalence eq) {
        Optional<Relation> p = Relation.of(pred);
        Optional<Relation> r = Relation.of(ref);
        if (p.isEmpty() || r.isEmpty()) return Optional.empty();
        Relation a = p.get();
        Relation b = r.get();
        if (a.symbol().equals(b.symbol())) {
            return Optional.of(same(a.left(), b.left(), eq) && same(a.right(), b.right(), eq));
        }
        if (a.symbol().equals(mirror(b.symbol()))) {
            return Optional.of(same(a.left(), b.right(), eq) && same(a.right(), b.left(), eq));
        }
        return Optional.of(false);
    }

    private static boolean same(String x, String y, MathEquivalence eq) {
        return x.strip().equalsIgnoreCase(y.strip()) || SymbolicEquality.equal(x, y, eq.deadline());
    }

    private static String mirror(String symbol) {
        return switch (symbol) {
            case "<" -> ">";
            case ">" -> "<";
            case "\\le" -> "\\ge";
            case "\\ge" -> "\\le";
            default -> symbol;
        };
    }

    /** left symbol right, with the symbol canonical (\leq → \le, \lt → &lt;). */
    private record Relation(String left, String symbol, String right) {

        static Optional<Relation> of(String s) {
            int found = -1;
            String symbol = null;
            int count = 0;
            for (int k = 0; k < s.length(); k++) {
                for (String candidate : SYMBOLS) {
                    if (s.startsWith(candidate, k)) {
                        count++;
                        found = k;
                        symbol = candidate;
                        k += candidate.length() - 1;
                        break;
                    }
                }
            }
            if (count != 1) return Optional.empty();
            return Optional.of(new Relation(s.substring(0, found), canonical(symbol), s.substring(found + symbol.length())));
        }

        private static String canonical(String symbol) {
            return switch (symbol) {
                case "\\leq" -> "\\le";
                case "\\geq" -> "\\ge";
                case "\\neq" -> "\\ne";
                case "\\lt" -> "<";
                case "\\gt" -> ">";
                default -> symbol;
            };
        }
    }
}
