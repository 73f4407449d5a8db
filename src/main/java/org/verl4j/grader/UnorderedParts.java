package org.verl4j.grader;

import java.util.ArrayList;
import java.util.List;

/**
 * Deliberate difference from the reference: answers that are collections compare without regard to order.
 *
 * <pre>
 * "11,9,3,1" ≡ "1,3,9,11"          "(8,18),(2,32)" ≡ "(2,32),(8,18)"        "{1\pm\sqrt{5},-2}" ≡ "-2,1+\sqrt{5},1-\sqrt{5}"
 * "(3,\infty)\cup(-\infty,2)" ≡ "(-\infty,2)\cup(3,\infty)"
 * </pre>
 *
 * A side is split at top-level commas (inside one enclosing {…} when it is a set) or at ∪; an element with a
 * top-level ± stands for its two signs. Both sides need at least two elements and the same count; then a
 * perfect matching under element equality decides. A tuple "(a,b)" is one element, so order still matters
 * inside it.
 */
final class UnorderedParts {

    private static final int MAX_ELEMENTS = 12;

    private UnorderedParts() {
    }

    static boolean equal(String pred, String ref, MathEquivalence eq) {
        List<String> p = elements(pred);
        List<String> r = elements(ref);
        if (p.size() < 2 || p.size() != r.size() || p.size() > MAX_ELEMENTS) return false;
        return match(p, r, 0, new boolean[r.size()], eq);
    }

    private static boolean match(List<String> p, List<String> r, int k, boolean[] used, MathEquivalence eq) {
        if (k == p.size()) return true;
        for (int j = 0; j < r.size(); j++) {
            if (used[j] || !eq.isEqual(p.get(k), r.get(j))) continue;
            used[j] = true;
            if (match(p, r, k + 1, used, eq)) return true;
            used[j] = false;
        }
        return false;
    }

    static List<String> elements(String s) {
        List<String> parts = split(s, "\\cup");
        if (parts.size() < 2) {
            String body = s;
            if (s.length() >= 2 && s.charAt(0) == '{' && closesAtEnd(s)) body = s.substring(1, s.length() - 1);
            parts = split(body, ",");
        }
        List<String> out = new ArrayList<>();
        for (String part : parts) expandPlusMinus(part.strip(), out);
        return out;
    }

    private static void expandPlusMinus(String part, List<String> out) {
        int at = topLevel(part, "\\pm", 0);
        if (at < 0) {
            out.add(part);
            return;
        }
        String before = part.substring(0, at);
        String after = part.substring(at + 3);
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
