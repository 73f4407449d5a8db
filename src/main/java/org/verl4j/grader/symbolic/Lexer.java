package org.verl4j.grader.symbolic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Splits an answer into {@link Token}s. Spaces are already gone after normalisation, so a command is read as
 * the longest KNOWN command name ({@code \cdotr} → {@code \cdot}, {@code r}); letters stand alone
 * ({@code xy} → x, y) except a plain function name directly before "(" ({@code sqrt(26)}).
 * A number may carry a decimal point and a scientific exponent ({@code 3.89e-10}).
 */
final class Lexer {

    static final Set<String> FUNCTIONS = Set.of("sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos",
            "arctan", "sinh", "cosh", "tanh", "ln", "log", "exp");
    static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta",
            "eta", "theta", "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau",
            "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi",
            "Sigma", "Phi", "Psi", "Omega");
    static final Set<String> SPACING = Set.of(",", ";", ":", "!", " ", "quad", "qquad");
    private static final Set<String> OTHER = Set.of("frac", "sqrt", "pi", "cdot", "times", "div", "pm", "mp",
            "mathrm", "text", "operatorname", "mathit", "textrm", "infty");
    private static final List<String> KNOWN = known();
    private static final Set<String> WORD_FUNCTIONS = Set.of("sin", "cos", "tan", "cot", "sec", "csc", "arcsin",
            "arccos", "arctan", "sinh", "cosh", "tanh", "ln", "log", "exp", "sqrt", "abs");

    private Lexer() {
    }

    private static List<String> known() {
        List<String> all = new ArrayList<>(FUNCTIONS);
        all.addAll(GREEK);
        all.addAll(OTHER);
        all.add("quad");
        all.add("qquad");
        all.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(all);
    }

    static List<Token> tokens(String s, Deadline deadline) {
        List<Token> out = new ArrayList<>();
        int k = 0;
        while (k < s.length()) {
            deadline.check();
            char c = s.charAt(k);
            if (Character.isWhitespace(c)) {
                k++;
            } else if (Character.isDigit(c) || (c == '.' && k + 1 < s.length() && Character.isDigit(s.charAt(k + 1)))) {
                int end = number(s, k);
                out.add(new Token(Token.Kind.NUMBER, s.substring(k, end)));
                k = end;
            } else if (c == '\\') {
                k = command(s, k + 1, out);
            } else if (isAsciiLetter(c)) {
                int end = k;
                while (end < s.length() && isAsciiLetter(s.charAt(end))) end++;
                String word = s.substring(k, end);
                if (end < s.length() && s.charAt(end) == '(' && WORD_FUNCTIONS.contains(word)) {
                    out.add(new Token(Token.Kind.WORD_FUNCTION, word));
                    k = end;
                } else {
                    out.add(new Token(Token.Kind.LETTER, String.valueOf(c)));
                    k++;
                }
            } else if (c == '*' && k + 1 < s.length() && s.charAt(k + 1) == '*') {
                out.add(new Token(Token.Kind.SYMBOL, "^"));
                k += 2;
            } else {
                out.add(unicodeSymbol(c));
                k++;
            }
        }
        return out;
    }

    private static Token unicodeSymbol(char c) {
        return switch (c) {
            case 'π' -> new Token(Token.Kind.COMMAND, "pi");
            case '√' -> new Token(Token.Kind.COMMAND, "sqrt");
            case '·', '×' -> new Token(Token.Kind.SYMBOL, "*");
            case '÷' -> new Token(Token.Kind.SYMBOL, "/");
            case '−' -> new Token(Token.Kind.SYMBOL, "-");
            default -> new Token(Token.Kind.SYMBOL, String.valueOf(c));
        };
    }

    private static int number(String s, int k) {
        int end = k;
        while (end < s.length() && Character.isDigit(s.charAt(end))) end++;
        if (end < s.length() && s.charAt(end) == '.' && end + 1 < s.length() && Character.isDigit(s.charAt(end + 1))) {
            end++;
            while (end < s.length() && Character.isDigit(s.charAt(end))) end++;
        }
        if (end < s.length() && (s.charAt(end) == 'e' || s.charAt(end) == 'E')) {
            int e = end + 1;
            if (e < s.length() && (s.charAt(e) == '-' || s.charAt(e) == '+')) e++;
            int digits = e;
            while (digits < s.length() && Character.isDigit(s.charAt(digits))) digits++;
            if (digits > e) end = digits;
        }
        return end;
    }

    private static int command(String s, int k, List<Token> out) {
        if (k >= s.length()) throw new ParseException("a lone backslash at the end");
        char c = s.charAt(k);
        if (!isAsciiLetter(c)) {
            if (SPACING.contains(String.valueOf(c))) return k + 1;
            out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c)));
            return k + 1;
        }
        for (String name : KNOWN) {
            if (s.startsWith(name, k)) {
                if (!SPACING.contains(name)) out.add(new Token(Token.Kind.COMMAND, name));
                return k + name.length();
            }
        }
        int end = k;
        while (end < s.length() && isAsciiLetter(s.charAt(end))) end++;
        String name = s.substring(k, end);
        if (SPACING.contains(name)) return end;
        throw new ParseException("unknown command \\" + name);
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
