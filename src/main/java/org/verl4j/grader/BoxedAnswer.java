package org.verl4j.grader;

import java.util.Optional;

/**
 * The content of the last {@code \boxed{…}} (or {@code \fbox{…}}) in a response, ALGORITHM.md §9.
 *
 * <pre>
 * "… so the answer is \boxed{\frac{1}{2}}."  →  "\frac{1}{2}"
 * "\boxed{1} then \boxed{2}"                 →  "2"        (the LAST box wins)
 * "\boxed 5$"                                →  "5"        (brace-less form, up to the next '$')
 * "\boxed{1"                                 →  empty      (unbalanced: no answer)
 * </pre>
 *
 * Convention as in the Qwen2.5-Math {@code parser.py}: the box is located by the last occurrence of the
 * substring {@code boxed}; its content runs to the matching closing brace (braces nest). {@code \fbox} is
 * consulted only when the text has no {@code boxed} at all (the reference does not know {@code \fbox}).
 */
public final class BoxedAnswer {

    private static final String BOXED = "boxed";
    private static final String FBOX = "\\fbox";

    private BoxedAnswer() {
    }

    /** The content of the last brace-balanced box, or empty when there is none or it never closes. */
    public static Optional<String> lastBoxed(String text) {
        BoxScan scan = scanLast(text);
        return scan != null && scan.closed() ? Optional.of(scan.content()) : Optional.empty();
    }

    /** Whether the text contains a box marker at all ({@code boxed} or {@code \fbox}). */
    public static boolean hasBox(String text) {
        return text.contains(BOXED) || text.contains(FBOX);
    }

    /**
     * The reference's reading of the last box: as {@link #lastBoxed} but an unclosed box yields the rest of the
     * text (the reference keeps whatever it accumulated), and a box marker at the very end yields "".
     * Null when the text has no box marker.
     */
    static BoxScan scanLast(String text) {
        int at = text.lastIndexOf(BOXED);
        int start;
        if (at >= 0) {
            start = at + BOXED.length();
        } else {
            at = text.lastIndexOf(FBOX);
            if (at < 0) return null;
            start = at + FBOX.length();
        }
        if (start >= text.length()) return new BoxScan("", false);
        if (text.charAt(start) != '{') {
            String rest = text.substring(start);
            int dollar = rest.indexOf('$');
            return new BoxScan((dollar >= 0 ? rest.substring(0, dollar) : rest).strip(), true);
        }
        int depth = 1;
        for (int k = start + 1; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return new BoxScan(text.substring(start + 1, k), true);
        }
        return new BoxScan(text.substring(start + 1), false);
    }

    /** What a scan of the last box found: its content, and whether its braces closed. */
    record BoxScan(String content, boolean closed) {
    }
}
