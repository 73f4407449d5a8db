package org.verl4j.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.grader.GradingItem;
import org.verl4j.grader.Verdict;

import java.util.Locale;

/**
 * One line of a grade job's input, parsed on its executor with the rules of {@code verl4j grade}: a JSON object
 * whose response and answer fields hold a string or a number (the data set field may be absent); anything else
 * is malformed, with the reason the CLI gives. {@code cli.GradeInput} is package-private; this is the seam to
 * replace once it is public.
 */
final class GradeLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A gradable line: its JSON (echoed in the output) and what to grade. */
    record Parsed(ObjectNode json, GradingItem item) {
    }

    /** A line that is not gradable, and why ("missing field 'answer'"). */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private GradeLine() {
    }

    static Parsed parse(String line, GradeFields fields) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new Malformed("not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!(node instanceof ObjectNode object)) throw new Malformed("not a JSON object");
        String response = text(object, fields.response(), true);
        String answer = text(object, fields.answer(), true);
        String dataset = text(object, fields.dataset(), false);
        return new Parsed(object, new GradingItem(response, answer, dataset != null ? dataset : fields.defaultDataset()));
    }

    /** The input line with {@code extracted}, {@code correct}, {@code reason} and {@code timed_out} added. */
    static String annotate(ObjectNode json, Verdict v) {
        ObjectNode o = json.deepCopy();
        o.put("extracted", v.extracted());
        o.put("correct", v.correct());
        o.put("reason", v.reason());
        o.put("timed_out", v.timedOut());
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree just read", e);
        }
    }

    private static String text(ObjectNode object, String field, boolean required) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new Malformed("missing field '" + field + "'");
            return null;
        }
        if (v.isTextual() || v.isNumber()) return v.asText();
        throw new Malformed("field '" + field + "' holds " + v.getNodeType().toString().toLowerCase(Locale.ROOT) + ", not a string");
    }
}
