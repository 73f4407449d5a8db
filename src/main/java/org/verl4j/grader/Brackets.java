package org.verl4j.grader;

/**
 * Bracket handling of the reference's {@code math_equal}, plus the interval test behind one deliberate
 * difference: {@code (3,4)} and {@code (3,4]} are different intervals (the reference strips the brackets
 * and calls them equal).
 */
final class Brackets {

    private Brackets() {
    }

    /** "(a,b]" and the like: one bracket pair around the whole text, exactly one top-level comma. */
    static boolean isInterval(String s) {
        if (s.length() < 5 || "([".indexOf(s.charAt(0)) < 0 || ")]".indexOf(s.charAt(s.length() - 1)) < 0) {
            return false;
        }
        int depth = 0;
        int commas = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0 && k < s.length() - 1) return false;
            } else if (c == ',' && depth == 1) {
                commas++;
            }
        }
        return depth == 0 && commas == 1;
    }

    /** Same opening and same closing bracket. */
    static boolean sameKind(String a, String b) {
        return a.charAt(0) == b.charAt(0) && a.charAt(a.length() - 1) == b.charAt(b.length() - 1);
    }

    /** Python's {@code s.strip("[]()")}. */
    static String stripEnds(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && "[]()".indexOf(s.charAt(start)) >= 0) start++;
        while (end > start && "[]()".indexOf(s.charAt(end - 1)) >= 0) end--;
        return s.substring(start, end);
    }

    /** Every {, }, ( and ) removed. */
    static String removeAll(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c != '{' && c != '}' && c != '(' && c != ')') out.append(c);
        }
        return out.toString();
    }

    /** Whether every "{" closes and no "}" closes more than was opened. */
    static boolean bracesBalanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth < 0) return false;
        }
        return depth == 0;
    }
}
