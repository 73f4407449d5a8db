package org.verl4j.grader;

/**
 * The reference's {@code _fix_fracs} and {@code _fix_a_slash_b}: brace-less fractions and "a/b" become
 * {@code \frac{a}{b}}.
 *
 * <pre>
 * "\frac12" → "\frac{1}{2}"     "\frac1{72}" → "\frac{1}{72}"     "-3/2" → "\frac{-3}{2}"     "a/b" unchanged
 * </pre>
 */
final class FractionShorthand {

    private static final String FRAC = "\\frac";

    private FractionShorthand() {
    }

    /** Braces for the one-character arguments of {@code \frac}; the text unchanged when a \frac is cut short. */
    static String fixFracs(String s) {
        String[] pieces = s.split(java.util.regex.Pattern.quote(FRAC), -1);
        StringBuilder out = new StringBuilder(pieces[0]);
        for (int k = 1; k < pieces.length; k++) {
            String piece = pieces[k];
            out.append(FRAC);
            if (!piece.isEmpty() && piece.charAt(0) == '{') {
                out.append(piece);
                continue;
            }
            if (piece.length() < 2) return s;
            char a = piece.charAt(0);
            char b = piece.charAt(1);
            String rest = piece.substring(2);
            if (b != '{') out.append('{').append(a).append("}{").append(b).append('}').append(rest);
            else out.append('{').append(a).append('}').append(b).append(rest);
        }
        return out.toString();
    }

    /** "3/4" → "\frac{3}{4}" when both sides are plain integers written canonically (or contain sqrt). */
    static String fixSlash(String s) {
        String[] parts = s.split("/", -1);
        if (parts.length != 2) return s;
        String a = canonicalInteger(parts[0]);
        String b = canonicalInteger(parts[1]);
        if (a == null || b == null || !s.equals(a + "/" + b)) return s;
        return "\\frac{" + a + "}{" + b + "}";
    }

    /** Python's {@code str(int(x))} for a plain integer, x itself when it contains "sqrt", else null. */
    private static String canonicalInteger(String x) {
        if (x.contains("sqrt")) return x;
        String t = x.strip();
        if (!t.matches("[+-]?\\d+")) return null;
        return new java.math.BigInteger(t).toString();
    }
}
