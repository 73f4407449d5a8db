package org.verl4j.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, minimal JSON reader for tensor-file headers (RFC 8259 subset that safetensors uses: objects, arrays,
 * strings, numbers, true/false/null). Objects become {@link LinkedHashMap} in document order, integers
 * {@link Long}, other numbers {@link BigDecimal}. Kept here so that reading a checkpoint needs the JDK only.
 */
final class JsonValueReader {

    private final String text;
    private int pos;

    private JsonValueReader(String text) {
        this.text = text;
    }

    /** Parses one JSON value filling the whole text (trailing whitespace allowed). */
    static Object parse(String text) {
        JsonValueReader r = new JsonValueReader(text);
        Object v = r.value();
        r.skipSpace();
        if (r.pos != text.length()) throw r.error("unexpected text after the JSON value");
        return v;
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) throw error("unexpected end of JSON");
        char c = text.charAt(pos);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;                                                        // '{'
        skipSpace();
        if (peek() == '}') { pos++; return map; }
        while (true) {
            skipSpace();
            if (peek() != '"') throw error("expected a quoted key");
            String key = string();
            skipSpace();
            expect(':');
            if (map.containsKey(key)) throw error("duplicate key \"" + key + "\"");
            map.put(key, value());
            skipSpace();
            char c = next();
            if (c == '}') return map;
            if (c != ',') throw error("expected ',' or '}' in an object");
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;                                                        // '['
        skipSpace();
        if (peek() == ']') { pos++; return list; }
        while (true) {
            list.add(value());
            skipSpace();
            char c = next();
            if (c == ']') return list;
            if (c != ',') throw error("expected ',' or ']' in an array");
        }
    }

    private String string() {
        pos++;                                                        // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') return sb.toString();
            if (c < 0x20) throw error("control character in a string");
            if (c != '\\') { sb.append(c); continue; }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) throw error("truncated \\u escape");
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException bad) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') pos++;
        while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) pos++;
        String s = text.substring(start, pos);
        try {
            BigDecimal d = new BigDecimal(s);
            if (s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0) return d.longValueExact();
            return d;
        } catch (NumberFormatException | ArithmeticException bad) {
            throw error("bad number \"" + s + "\"");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) throw error("unexpected token");
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (next() != c) throw error("expected '" + c + "'");
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) throw error("unexpected end of JSON");
        return text.charAt(pos++);
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at character " + pos);
    }
}
