package org.verl4j.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One command run in-process, standard output and error captured: a Spark job or the single-machine CLI. */
record JobRun(int exitCode, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JobRun spark(String... args) {
        return of(SparkMain.commandLine(), args);
    }

    static JobRun cli(String... args) {
        return of(org.verl4j.cli.Main.commandLine(), args);
    }

    private static JobRun of(CommandLine cli, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new JobRun(code, out.toString(), err.toString());
    }

    /** The JSON Lines of {@code text}, blank lines skipped. */
    static List<JsonNode> parse(String text) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) continue;
            try {
                lines.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
        return lines;
    }

    /** The JSON Lines of every part file of a Spark output directory, part files in name order. */
    static List<JsonNode> parts(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            StringBuilder all = new StringBuilder();
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList())
                all.append(Files.readString(p)).append('\n');
            return parse(all.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
