package org.verl4j.grader.symbolic;

import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser for LaTeX and plain answers into {@link Expr} trees.
 *
 * <pre>
 * expr    := term (('+' | '−') term)*
 * term    := unary (('·' | '×' | '*' | '/' | '÷') unary | implicit)*        implicit: juxtaposition "2x", "(a)(b)"
 * unary   := ('+' | '−') unary | power
 * power   := postfix ('^' exponent)?                                          right associative
 * postfix := primary '!'*
 * primary := number | letter[_sub] | (expr) | [expr] | {expr} | |expr| | \frac a b | \sqrt[n] a
 *          | function[^k][_base] argument | \pi | π | e | i | greek letter
 * </pre>
 *
 * Conventions: e is Euler's number and i the imaginary unit; \log is the natural logarithm unless a base
 * is given; {@code \sin^2 x} is (sin x)², {@code \sin^{-1} x} is arcsin x; a function without parentheses takes
 * the implicit product that follows ({@code \sin 2x} = sin(2x)); {@code 2516_8} (a number with a base
 * subscript) is one opaque symbol; a letter sequence is a product of letters, as in LaTeX.
 * Lists, relations, ∞ and prose are not expressions: they raise {@link ParseException}.
 */
public final class ExprParser {

    private static final Expr PI = new Expr.Const("pi", Complex.real(Math.PI));
    private static final Expr E = new Expr.Const("e", Complex.real(Math.E));
    private static final Expr I = new Expr.Const("i", Complex.I);

    /** Deeper nesting than this is not an answer (and would exhaust the stack). */
    private static final int MAX_DEPTH = 200;
    /** Longer texts are prose or runaway output, not answers; the bound also bounds the tree depth. */
    private static final int MAX_TOKENS = 1000;

    private final List<Token> tokens;
    private final Deadline deadline;
    private int at;
    private int depth;

    private ExprParser(List<Token> tokens, Deadline deadline) {
        this.tokens = tokens;
        this.deadline = deadline;
    }

    /** The tree for {@code text}, or a ParseException naming what is not understood. */
    public static Expr parse(String text, Deadline deadline) {
        ExprParser p = new ExprParser(Lexer.tokens(text, deadline), deadline);
        if (p.tokens.isEmpty()) throw new ParseException("empty expression");
        if (p.tokens.size() > MAX_TOKENS) throw new ParseException("longer than " + MAX_TOKENS + " tokens");
        Expr e = p.expression();
        if (p.at < p.tokens.size()) throw new ParseException("unexpected '" + p.peek().text() + "'");
        return e;
    }

    private Token peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private boolean peekSymbol(String s) {
        Token t = peek();
        return t != null && t.isSymbol(s);
    }

    private void expectSymbol(String s) {
        if (!peekSymbol(s)) throw new ParseException("expected '" + s + "'");
        at++;
    }

    private Expr expression() {
        deadline.check();
        if (++depth > MAX_DEPTH) throw new ParseException("nested more than " + MAX_DEPTH + " deep");
        Expr e = term();
        while (peekSymbol("+") || peekSymbol("-")) {
            char op = tokens.get(at++).text().charAt(0);
            e = new Expr.Binary(op, e, term());
        }
        depth--;
        return e;
    }

    private Expr term() {
        Expr e = unary();
        while (true) {
            deadline.check();
            Token t = peek();
            if (t == null) return e;
            if (t.isSymbol("*") || t.is(Token.Kind.COMMAND, "cdot") || t.is(Token.Kind.COMMAND, "times")) {
                at++;
                e = new Expr.Binary('*', e, unary());
            } else if (t.isSymbol("/") || t.is(Token.Kind.COMMAND, "div")) {
                at++;
                e = new Expr.Binary('/', e, unary());
            } else if (startsPrimary(t)) {
                e = new Expr.Binary('*', e, power());
            } else {
                return e;
            }
        }
    }

    private Expr unary() {
        if (peekSymbol("-")) {
            at++;
            return new Expr.Neg(unary());
        }
        if (peekSymbol("+")) {
            at++;
            return unary();
        }
        return power();
    }

    private Expr power() {
        Expr base = postfix();
        if (peekSymbol("^")) {
            at++;
            return new Expr.Binary('^', base, exponent());
        }
        return base;
    }

    /** After '^': a braced group, or a signed postfix (which may itself carry a power). */
    private Expr exponent() {
        if (peekSymbol("-")) {
            at++;
            return new Expr.Neg(exponent());
        }
        if (peekSymbol("+")) at++;
        return power();
    }

    private Expr postfix() {
        Expr e = primary();
        while (peekSymbol("!")) {
            at++;
            e = new Expr.Call(MathFunction.FACTORIAL, e);
        }
        return e;
    }

    private boolean startsPrimary(Token t) {
        return switch (t.kind()) {
            case NUMBER, LETTER, WORD_FUNCTION -> true;
            case COMMAND -> !t.text().equals("cdot") && !t.text().equals("times") && !t.text().equals("div")
                    && !t.text().equals("pm") && !t.text().equals("mp") && !t.text().equals("infty");
            case SYMBOL -> t.text().equals("(") || t.text().equals("{");
        };
    }

    private Expr primary() {
        deadline.check();
        Token t = peek();
        if (t == null) throw new ParseException("expression ends too early");
        at++;
        switch (t.kind()) {
            case NUMBER:
                if (peekSymbol("_")) return new Expr.Var(t.text() + "_" + subscript());
                return new Expr.Num(Rational.parseDecimal(t.text().toLowerCase(Locale.ROOT)));
            case LETTER:
                if (peekSymbol("_")) return new Expr.Var(t.text() + "_" + subscript());
                if (t.text().equals("e")) return E;
                if (t.text().equals("i")) return I;
                return new Expr.Var(t.text());
            case WORD_FUNCTION:
                return wordFunction(t.text());
            case COMMAND:
                return command(t.text());
            default:
                return symbol(t.text());
        }
    }

    private Expr symbol(String s) {
        switch (s) {
            case "(": {
                Expr e = expression();
                expectSymbol(")");
                return e;
            }
            case "[": {
                Expr e = expression();
                expectSymbol("]");
                return e;
            }
            case "{": {
                Expr e = expression();
                expectSymbol("}");
                return e;
            }
            case "|": {
                Expr e = expression();
                expectSymbol("|");
                return new Expr.Call(MathFunction.ABS, e);
            }
            default:
                throw new ParseException("unexpected '" + s + "'");
        }
    }

    /** The text of a subscript: one token, or a braced/parenthesised group of tokens, flattened. */
    private String subscript() {
        expectSymbol("_");
        Token t = peek();
        if (t == null) throw new ParseException("empty subscript");
        at++;
        if (!t.isSymbol("{") && !t.isSymbol("(")) return t.text();
        StringBuilder name = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            Token u = peek();
            if (u == null) throw new ParseException("unclosed subscript");
            at++;
            if (u.isSymbol("{") || u.isSymbol("(")) depth++;
            else if (u.isSymbol("}") || u.isSymbol(")")) depth--;
            else name.append(u.text());
        }
        return name.toString();
    }

    private Expr command(String name) {
        switch (name) {
            case "pi":
                return PI;
            case "frac":
                return new Expr.Binary('/', argument(), argument());
            case "sqrt":
                return root();
            case "mathrm": case "text": case "operatorname": case "mathit": case "textrm":
                return argument();
            default:
                if (Lexer.GREEK.contains(name)) return new Expr.Var(name);
                if (Lexer.FUNCTIONS.contains(name)) return function(name);
                throw new ParseException("\\" + name + " is not part of an expression");
        }
    }

    /** A {@code \frac}/{@code \sqrt} argument: a braced group or a single primary. */
    private Expr argument() {
        if (peekSymbol("{")) {
            at++;
            Expr e = expression();
            expectSymbol("}");
            return e;
        }
        return primary();
    }

    private Expr root() {
        if (peekSymbol("[")) {
            at++;
            Expr n = expression();
            expectSymbol("]");
            return new Expr.Binary('^', argument(), new Expr.Binary('/', new Expr.Num(Rational.ONE), n));
        }
        return new Expr.Call(MathFunction.SQRT, argument());
    }

    private Expr wordFunction(String name) {
        expectSymbol("(");
        Expr arg = expression();
        expectSymbol(")");
        return switch (name) {
            case "sqrt" -> new Expr.Call(MathFunction.SQRT, arg);
            case "abs" -> new Expr.Call(MathFunction.ABS, arg);
            case "log" -> new Expr.Call(MathFunction.LN, arg);
            default -> new Expr.Call(MathFunction.valueOf(name.toUpperCase(Locale.ROOT)), arg);
        };
    }

    private Expr function(String name) {
        Expr power = null;
        Expr base = null;
        for (int k = 0; k < 2; k++) {
            if (peekSymbol("^") && power == null) {
                at++;
                power = exponent();
            } else if (peekSymbol("_") && base == null && name.equals("log")) {
                at++;
                base = argument();
            }
        }
        boolean inverse = power instanceof Expr.Neg neg && neg.a() instanceof Expr.Num one
                && one.value().equals(Rational.ONE) && (name.equals("sin") || name.equals("cos") || name.equals("tan"));
        Expr arg = functionArgument();
        MathFunction f = MathFunction.valueOf((inverse ? "ARC" : "") + (name.equals("log") ? "LN"
                : name.toUpperCase(Locale.ROOT)));
        Expr value = new Expr.Call(f, arg);
        if (base != null) value = new Expr.Binary('/', value, new Expr.Call(MathFunction.LN, base));
        return power == null || inverse ? value : new Expr.Binary('^', value, power);
    }

    /** A parenthesised group, or the implicit product that follows (stopping at operators and functions). */
    private Expr functionArgument() {
        if (peekSymbol("(") || peekSymbol("{")) return power();
        Expr e = power();
        while (peek() != null && startsPrimary(peek()) && !isFunctionToken(peek())) {
            e = new Expr.Binary('*', e, power());
        }
        return e;
    }

    private static boolean isFunctionToken(Token t) {
        return t.kind() == Token.Kind.WORD_FUNCTION
                || (t.kind() == Token.Kind.COMMAND && Lexer.FUNCTIONS.contains(t.text()));
    }
}
