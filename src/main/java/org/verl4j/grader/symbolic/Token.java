package org.verl4j.grader.symbolic;

/**
 * One lexical unit of an answer: a number literal, a single letter, a LaTeX command (name without the
 * backslash), a plain function name written before "(", or one symbol character.
 */
record Token(Kind kind, String text) {

    enum Kind { NUMBER, LETTER, COMMAND, WORD_FUNCTION, SYMBOL }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isSymbol(String t) {
        return is(Kind.SYMBOL, t);
    }
}
