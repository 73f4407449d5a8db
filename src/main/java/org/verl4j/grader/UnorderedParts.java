package org.verl4j.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deliberate difference from the reference: answers that are collections compare without regard to order.
 *
 * <pre>
 * "11,9,3,1" ≡ "1,3,9,11"          "(8,18),(2,32)" ≡ "(2,32),(8,18)"        "{1\pm\sqrt{5},-2}" ≡ "-2,1+\sqrt{5},1-\sqrt{5}"
 * "(3,\infty)\cup(-\infty,2)" ≡ "(-\infty,2)\cup(3,\infty)"
 * </pre>
 *
 * A side is split at top-level commas (inside one enclosing {…} when it is a set) or at ∪; an element with a
 * ± (anywhere in it) stands for its two signs. Both sides need at least two elements and the same count; then a
 * perfect matching under element equality decides (n² comparisons, then a 2ⁿ bitmask search; n ≤ 12).
 * A tuple "(a,b)" is one element, so order still matters
 * inside it.
 */
final class UnorderedParts {

    private static final int MAX_ELEMENTS = 12;
    /**
     * ± as written ({@code \pm}), or as the reference's unit-word removal leaves it: {@code 1\pm\sqrt{5}} →
     * {@code 1\\sqrt{5}} (a doubled backslash before a command) and {@code \pm 3} → {@code \3}.
     */
    private static final Pattern PLUS_MINUS = Pattern.compile("\\\\pm(?![a-zA-Z])|\\\\(\\\\)(?=[a-zA-Z])|\\\\(\\d)");

    private UnorderedParts() {
    }

    static boolean equal(String pred, String ref, MathEquivalence eq) {
        List<String> p = elements(pred);
        List<String> r = elements(ref);
        int n = p.size();
        if (n < 2 || n != r.size() || n > MAX_ELEMENTS) return false;
        boolean[][] same = new boolean[n][n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) same[k][j] = eq.isEqual(p.get(k), r.get(j));
        }
        // reachable[mask]: the first bitCount(mask) prediction elements can be matched to the reference set mask
        boolean[] reachable = new boolean[1 << n];
        reachable[0] = true;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (!reachable[mask]) continue;
            int k = Integer.bitCount(mask);
            if (k == n) return true;
            for (int j = 0; j < n; j++) {
                if ((mask & (1 << j)) == 0 && same[k][j]) reachable[mask | (1 << j)] = true;
            }
        }
        return false;
    }

    static List<String> elements(String s) {
        List<String> parts = split(s, "\\cup");
        if (parts.size() < 2) {
            String body = s;
            if (s.length() >= 2 && s.charAt(0) == '{' && closesAtEnd(s)) body = s.substring(1, s.length() - 1);
            parts = split(body, ",");
            if (parts.size() < 2) parts = split(body, ";");                  // deliberate: "1; 2; 3"
        }
        List<String> out = new ArrayList<>();
        for (String part : parts) expandPlusMinus(part.strip(), out);
        return out;
    }

    private static void expandPlusMinus(String part, List<String> out) {
        Matcher m = PLUS_MINUS.matcher(part);
        if (part.contains("matrix") || !m.find()) {
            out.add(part);
            return;
        }
        String before = part.substring(0, m.start());
        String kept = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : "";
        String after = kept + part.substring(m.end());
        expandPlusMinus(before + "+" + after, out);
        expandPlusMinus(before + "-" + after, out);
    }

    /** s split at every top-level occurrence of sep (depth counted over (), [], {}). */
    private static List<String> split(String s, String sep) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int at = topLevel(s, sep, 0); at >= 0; at = topLevel(s, sep, from)) {
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    private static int topLevel(String s, String sep, int from) {
        int depth = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (depth == 0 && k >= from && s.startsWith(sep, k)) return k;
        }
        return -1;
    }

    private static boolean closesAtEnd(String s) {
        int depth = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return k == s.length() - 1;
        }
        return false;
    }
}
