package org.verl4j.eval.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One parsed JSON line of a benchmark file, with typed field access whose errors name the field.
 * Numbers become their shortest decimal text without trailing zeros (27.0 → "27", 11.50 → "11.5").
 */
record BenchmarkRow(JsonNode node) {

    BenchmarkRow {
        if (node == null || !node.isObject()) throw new IllegalArgumentException("line is not a JSON object");
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** A string field, required. */
    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("field '" + field + "' missing or not a string");
        return v.asText();
    }

    /** A string or number field, required, as text. */
    String textOrNumber(String field) {
        JsonNode v = node.get(field);
        if (v != null && v.isTextual()) return v.asText();
        if (v != null && v.isNumber()) return decimal(v);
        throw new IllegalArgumentException("field '" + field + "' missing or neither a string nor a number");
    }

    /** A list of strings, required and non-empty. */
    List<String> texts(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray() || v.isEmpty())
            throw new IllegalArgumentException("field '" + field + "' missing or not a non-empty list");
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) throw new IllegalArgumentException("field '" + field + "' holds a non-string " + e);
            out.add(e.asText());
        }
        return out;
    }

    private static String decimal(JsonNode number) {
        if (number.isIntegralNumber()) return number.bigIntegerValue().toString();
        double d = number.asDouble();
        if (!Double.isFinite(d)) throw new IllegalArgumentException("non-finite number " + number);
        BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }
}
