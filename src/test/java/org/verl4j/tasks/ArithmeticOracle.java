package org.verl4j.tasks;

/**
 * Independent oracle for the arithmetic task: a recursive-descent evaluator of the written text (integers,
 * {@code + - *}, parentheses, the usual precedence, left associativity). Shares no code with {@link Expr}.
 */
final class ArithmeticOracle {

    private final String s;
    private int pos;

    private ArithmeticOracle(String s) {
        this.s = s;
    }

    static long evaluate(String text) {
        ArithmeticOracle p = new ArithmeticOracle(text);
        long v = p.sum();
        if (p.pos != text.length()) throw new IllegalArgumentException("trailing text at " + p.pos + " in " + text);
        return v;
    }

    /** Number of operator symbols that are binary operators (a leading '-' of "(-4)" is not one). */
    static int operators(String text) {
        int count = 0;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '+' || c == '-' || c == '*') && text.charAt(i - 1) != '(') count++;
        }
        return count;
    }

    private long sum() {
        long v = product();
        while (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
            char op = s.charAt(pos++);
            long r = product();
            v = op == '+' ? v + r : v - r;
        }
        return v;
    }

    private long product() {
        long v = atom();
        while (pos < s.length() && s.charAt(pos) == '*') {
            pos++;
            v *= atom();
        }
        return v;
    }

    private long atom() {
        if (s.charAt(pos) == '(') {
            pos++;
            long v = sum();
            if (s.charAt(pos++) != ')') throw new IllegalArgumentException("expected ) in " + s);
            return v;
        }
        boolean negative = s.charAt(pos) == '-';
        if (negative) pos++;
        int start = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
        if (start == pos) throw new IllegalArgumentException("expected a number at " + start + " in " + s);
        long v = Long.parseLong(s.substring(start, pos));
        return negative ? -v : v;
    }
}
