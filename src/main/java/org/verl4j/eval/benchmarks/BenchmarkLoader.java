package org.verl4j.eval.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.verl4j.io.JsonLines;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads benchmark JSON Lines files into {@link BenchmarkItem}s, the set's name deciding the layout
 * ({@link Benchmark}). Layout on disk: {@code <root>/<name>/test.jsonl}. Blank lines are skipped; any other
 * line that is not valid JSON, lacks a field, or yields an empty question or answer is an error naming the
 * file and the 1-based line.
 */
public final class BenchmarkLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchmarkLoader() {
    }

    /** {@code <root>/<benchmark>/test.jsonl}. */
    public static Path file(Path root, Benchmark benchmark) {
        return root.resolve(benchmark.dirName()).resolve("test.jsonl");
    }

    /** Every item of {@code <root>/<benchmark>/test.jsonl}. */
    public static List<BenchmarkItem> load(Path root, Benchmark benchmark) {
        return read(file(root, benchmark), benchmark);
    }

    /** Every benchmark whose file exists under {@code root}, in {@link Benchmark} order. */
    public static Map<Benchmark, List<BenchmarkItem>> loadAvailable(Path root) {
        Map<Benchmark, List<BenchmarkItem>> sets = new EnumMap<>(Benchmark.class);
        for (Benchmark b : Benchmark.values())
            if (Files.isRegularFile(file(root, b))) sets.put(b, load(root, b));
        return sets;
    }

    /** Every item of one JSON Lines file read with {@code benchmark}'s layout. */
    public static List<BenchmarkItem> read(Path file, Benchmark benchmark) {
        List<BenchmarkItem> items = new ArrayList<>();
        List<JsonLines.Line> lines;
        try {
            lines = JsonLines.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int row = 0;
        for (JsonLines.Line line : lines) {
            String where = file + " line " + line.number() + " (" + benchmark.dirName() + "): ";
            if (line instanceof JsonLines.Undecodable bad) throw new IllegalArgumentException(where + bad.problem());
            String text = ((JsonLines.Text) line).text();
            if (text.isBlank()) continue;
            try {
                items.add(benchmark.item(new BenchmarkRow(JSON.readTree(text)), row++));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new IllegalArgumentException(where
                        + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
            }
        }
        return items;
    }
}
