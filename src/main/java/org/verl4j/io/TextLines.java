package org.verl4j.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a {@code generate} / {@code tokenize} input: JSON Lines, each an object with a string field
 * ({@code prompt} or {@code text}) and optionally {@code id} (default: the 1-based line number). Blank lines are
 * skipped; anything else malformed, or a file with no rows, is an error naming the file and line.
 */
public record TextLines(List<Row> rows) {

    public record Row(int line, String id, String text) {
    }

    public static TextLines read(Path file, String field) {
        List<Row> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                if (line.isBlank()) continue;
                JsonNode o;
                try {
                    o = json.readTree(line);
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + " line " + n + ": not valid JSON");
                }
                if (o == null || !o.isObject()) throw new IllegalArgumentException(file + " line " + n + ": not a JSON object");
                JsonNode text = o.get(field), id = o.get("id");
                if (text == null || !text.isTextual())
                    throw new IllegalArgumentException(file + " line " + n + ": missing string field '" + field + "'");
                if (id != null && !id.isTextual() && !id.isNumber())
                    throw new IllegalArgumentException(file + " line " + n + ": 'id' must be a string or a number");
                rows.add(new Row(n, id == null ? String.valueOf(n) : id.asText(), text.asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) throw new IllegalArgumentException(file + ": no rows (empty input)");
        return new TextLines(rows);
    }
}
