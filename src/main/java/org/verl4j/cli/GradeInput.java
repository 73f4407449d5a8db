package org.verl4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.grader.GradingItem;
import org.verl4j.io.JsonLines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a {@code verl4j grade} input: the gradable rows, and a message per malformed line
 * ("line 7: missing field 'answer'"). Blank lines are ignored. A field value may be a JSON string or
 * number (gsm8k answers often are numbers); anything else is malformed.
 */
record GradeInput(List<Row> rows, List<String> malformed) {

    record Fields(String response, String answer, String dataset) {
    }

    /** One gradable line: its JSON (echoed in the output) and what to grade. */
    record Row(int lineNumber, ObjectNode json, GradingItem item) {
    }

    static GradeInput read(Path file, Fields fields, String defaultDataset) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        for (JsonLines.Line line : JsonLines.read(file)) {
            if (line instanceof JsonLines.Undecodable bad) {
                malformed.add(file + " line " + bad.number() + ": " + bad.problem());
            } else if (line instanceof JsonLines.Text text && !text.text().isBlank()) {
                try {
                    rows.add(row(text.number(), text.text(), fields, defaultDataset));
                } catch (MalformedLine e) {
                    malformed.add(file + " line " + text.number() + ": " + e.getMessage());
                }
            }
        }
        return new GradeInput(rows, malformed);
    }

    private static Row row(int lineNumber, String line, Fields fields, String defaultDataset) {
        JsonNode node;
        try {
            node = GradeCommand.readTree(line);
        } catch (JsonProcessingException e) {
            throw new MalformedLine("not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new MalformedLine("unreadable (" + e.getMessage() + ")");
        }
        if (!(node instanceof ObjectNode object)) throw new MalformedLine("not a JSON object");
        String response = text(object, fields.response(), true);
        String answer = text(object, fields.answer(), true);
        String dataset = text(object, fields.dataset(), false);
        return new Row(lineNumber, object, new GradingItem(response, answer, dataset != null ? dataset : defaultDataset));
    }

    private static String text(ObjectNode object, String field, boolean required) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new MalformedLine("missing field '" + field + "'");
            return null;
        }
        if (v.isTextual() || v.isNumber()) return v.asText();
        throw new MalformedLine("field '" + field + "' holds " + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                + ", not a string");
    }

    private static final class MalformedLine extends RuntimeException {
        MalformedLine(String message) {
            super(message, null, false, false);
        }
    }
}
