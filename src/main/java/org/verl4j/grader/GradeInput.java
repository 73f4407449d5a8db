package org.verl4j.grader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.io.JsonLines;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a {@code verl4j grade} input (ALGORITHM.md §9): the gradable rows, and a message per malformed line
 * ("line 7: missing field 'answer'"). Blank lines are ignored. A field value may be a JSON string or
 * number (gsm8k answers often are numbers); anything else is malformed. {@code verl4j grade} reads a whole file
 * ({@link #read}, {@link #grade}, {@link #gradedLines}); the Spark grade job parses each line on an executor with
 * {@link #parse} and writes it back with {@link Row#graded}.
 */
public record GradeInput(List<Row> rows, List<String> malformed) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The field names of a line and the data set of lines that carry none ({@code --response-field},
     * {@code --answer-field}, {@code --dataset-field}, {@code --dataset}); serializable for Spark tasks.
     *
     * @param defaultDataset data set of lines without a {@code dataset} field, or null (the grader's default rules)
     */
    public record Fields(String response, String answer, String dataset, String defaultDataset) implements Serializable {
    }

    /** One gradable line (numbered from 1): its JSON (echoed in the output) and what to grade. */
    public record Row(long lineNumber, ObjectNode json, GradingItem item) {

        /** This line with {@code extracted}, {@code correct}, {@code reason} and {@code timed_out} added. */
        public String graded(Verdict v) {
            ObjectNode o = json.deepCopy();
            o.put("extracted", v.extracted());
            o.put("correct", v.correct());
            o.put("reason", v.reason());
            o.put("timed_out", v.timedOut());
            try {
                return JSON.writeValueAsString(o);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("cannot write back the JSON of line " + lineNumber, e);
            }
        }
    }

    public static GradeInput read(Path file, Fields fields) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        for (JsonLines.Line line : JsonLines.read(file)) {
            if (line instanceof JsonLines.Undecodable bad) {
                malformed.add(file + " line " + bad.number() + ": " + bad.problem());
            } else if (line instanceof JsonLines.Text text && !text.text().isBlank()) {
                try {
                    rows.add(parse(text.number(), text.text(), fields));
                } catch (MalformedLine e) {
                    malformed.add(file + " line " + text.number() + ": " + e.getMessage());
                }
            }
        }
        return new GradeInput(rows, malformed);
    }

    /** Grades every row on {@code executor} (each under its per-item deadline): the verdicts, in row order. */
    public List<Verdict> grade(GradingExecutor executor) {
        List<GradingItem> items = new ArrayList<>(rows.size());
        for (Row row : rows) items.add(row.item());
        return executor.gradeAll(items);
    }

    /** Each row's line with its verdict added ({@link Row#graded}), in row order. */
    public List<String> gradedLines(List<Verdict> verdicts) {
        if (verdicts.size() != rows.size())
            throw new IllegalArgumentException(verdicts.size() + " verdicts for " + rows.size() + " rows");
        List<String> lines = new ArrayList<>(rows.size());
        for (int k = 0; k < rows.size(); k++) lines.add(rows.get(k).graded(verdicts.get(k)));
        return lines;
    }

    /**
     * Line {@code lineNumber} (non-blank) as a gradable row.
     *
     * @throws MalformedLine why the line is not gradable ("missing field 'answer'"), without the file and number
     */
    public static Row parse(long lineNumber, String line, Fields fields) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new MalformedLine("not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!(node instanceof ObjectNode object)) throw new MalformedLine("not a JSON object");
        String response = text(object, fields.response(), true);
        String answer = text(object, fields.answer(), true);
        String dataset = text(object, fields.dataset(), false);
        return new Row(lineNumber, object, new GradingItem(response, answer, dataset != null ? dataset : fields.defaultDataset()));
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

    /** A line that is not gradable; the message says why, the caller adds where. */
    public static final class MalformedLine extends RuntimeException {
        MalformedLine(String message) {
            super(message, null, false, false);
        }
    }
}
