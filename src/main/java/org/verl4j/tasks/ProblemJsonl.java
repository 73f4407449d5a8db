package org.verl4j.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.verl4j.io.JsonLines;
import java.util.ArrayList;
import java.util.List;

/**
 * Problems as JSON Lines, one object per line with the fields of {@link Problem} in this order:
 * <pre>
 * {"id":"arithmetic-l2-train-00000","task":"arithmetic","level":2,"prompt":"9-3+4","answer":"10",
 *  "solution":"=6+4\n=10\n\\boxed{10}"}
 * </pre>
 * Written atomically (a temporary file in the same directory, then an atomic move); read strictly (every field
 * present and of its type, else an error naming file and line).
 */
public final class ProblemJsonl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemJsonl() {
    }

    /** Writes {@code problems} to {@code file} atomically, creating parent directories. */
    public static void write(Path file, List<Problem> problems) {
        AtomicWrite.write(file, out -> {
            for (Problem p : problems) {
                out.write(line(p));
                out.write('\n');
            }
        });
    }

    /** One problem as one JSON line (no trailing newline). */
    public static String line(Problem p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", p.id());
        o.put("task", p.task());
        o.put("level", p.level());
        o.put("prompt", p.prompt());
        o.put("answer", p.answer());
        o.put("solution", p.solution());
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise problem " + p.id(), e);
        }
    }

    /** Reads every problem of {@code file}; blank lines are skipped, anything malformed is an error. */
    public static List<Problem> read(Path file) {
        List<JsonLines.Line> lines;
        try {
            lines = JsonLines.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Problem> problems = new ArrayList<>(lines.size());
        for (JsonLines.Line line : lines) {
            if (line instanceof JsonLines.Undecodable bad) {
                throw new IllegalArgumentException(file + " line " + bad.number() + ": " + bad.problem());
            }
            String text = ((JsonLines.Text) line).text();
            if (text.isBlank()) continue;
            try {
                JsonNode o = JSON.readTree(text);
                problems.add(new Problem(text(o, "id"), text(o, "task"), integer(o, "level"), text(o, "prompt"),
                        text(o, "answer"), text(o, "solution")));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + line.number() + ": " + e.getMessage(), e);
            }
        }
        return problems;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("field '" + field + "' missing or not a string");
        return v.asText();
    }

    private static int integer(JsonNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber())
            throw new IllegalArgumentException("field '" + field + "' missing or not an integer");
        return v.asInt();
    }
}
