package org.verl4j.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.verl4j.io.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of {@code eval --out DIR}, as text: {@code results.jsonl} (per problem, in input order: responses,
 * extracted answers, verdicts, pass@k, {@code num_correct}), {@code pass_at_k.json} ({@code datasets} and
 * {@code average}) and {@code pass_at_k.md}. One renderer for {@code verl4j eval} (local files) and the Spark eval job
 * (any Hadoop file system), so both write the same bytes.
 */
public final class EvalFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalFiles() {
    }

    /** Writes the files into {@code dir} (created with its parents if missing), each atomically. */
    public static void write(Path dir, EvalReport report) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : of(report).entrySet())
                AtomicFile.write(dir.resolve(f.getKey()), o -> o.write(f.getValue().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    /** File name → contents, in the order they are written. */
    public static Map<String, String> of(EvalReport report) {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            StringBuilder lines = new StringBuilder();
            for (ProblemResult p : report.problems()) {
                ObjectNode o = JSON.valueToTree(p);
                o.put("num_correct", p.numCorrect());
                lines.append(JSON.writeValueAsString(o)).append('\n');
            }
            files.put("results.jsonl", lines.toString());
            ObjectNode table = JSON.createObjectNode();
            table.set("datasets", JSON.valueToTree(report.table()));
            table.set("average", JSON.valueToTree(report.average()));
            files.put("pass_at_k.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(table) + "\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        files.put("pass_at_k.md", report.markdown());
        return files;
    }
}
