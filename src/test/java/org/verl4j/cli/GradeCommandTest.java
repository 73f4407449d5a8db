package org.verl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GradeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path input(String... lines) throws IOException {
        return Files.write(dir.resolve("in.jsonl"), List.of(lines));
    }

    @Test
    void gradesEachLineAndKeepsItsFields() throws IOException {
        Path in = input("{\"id\": 1, \"response\": \"so \\\\boxed{\\\\frac{1}{2}}\", \"answer\": \"0.5\"}",
                "{\"id\": 2, \"response\": \"The answer is 42.\", \"answer\": 41}",
                "{\"id\": 3, \"response\": \"I pick (C)\", \"answer\": \"C\", \"dataset\": \"aqua\"}");
        Path outFile = dir.resolve("out.jsonl");
        assertThat(run("grade", "--input", in.toString(), "--out", outFile.toString(), "--threads", "2")).isZero();
        List<String> lines = Files.readAllLines(outFile);
        assertThat(lines).hasSize(3);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("id").asInt()).isEqualTo(1);
        assertThat(first.get("extracted").asText()).isEqualTo("\\frac{1}{2}");
        assertThat(first.get("correct").asBoolean()).isTrue();
        assertThat(first.get("timed_out").asBoolean()).isFalse();
        assertThat(JSON.readTree(lines.get(1)).get("correct").asBoolean()).isFalse();
        assertThat(JSON.readTree(lines.get(2)).get("correct").asBoolean()).isTrue();
        assertThat(err.toString()).contains("graded 3, correct 2, accuracy 0.6667; timeouts 0");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("in.jsonl", "out.jsonl");
    }

    @Test
    void malformedLinesAreReportedByNumberAndSkipped() throws IOException {
        Path in = input("{\"response\": \"\\\\boxed{3}\", \"answer\": \"3\"}", "not json", "",
                "{\"response\": \"x\"}", "[1, 2]", "{\"response\": [1], \"answer\": \"1\"}");
        assertThat(run("grade", "--input", in.toString())).isZero();
        assertThat(out.toString().strip().lines()).hasSize(1);
        assertThat(err.toString())
                .contains("line 2: not valid JSON")
                .contains("line 4: missing field 'answer'")
                .contains("line 5: not a JSON object")
                .contains("line 6: field 'response' holds array")
                .contains("malformed lines skipped 4")
                .doesNotContain("line 3");
    }

    @Test
    void strictTurnsMalformedLinesIntoAnError() throws IOException {
        Path in = input("{\"response\": \"\\\\boxed{3}\", \"answer\": \"3\"}", "oops");
        assertThat(run("grade", "--input", in.toString(), "--strict")).isEqualTo(1);
        assertThat(err.toString()).contains("verl4j: error:").contains("1 malformed line(s)");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void renamedFieldsAndADefaultDataset() throws IOException {
        Path in = input("{\"output\": \"Final: (D)\", \"gt\": \"D\"}");
        assertThat(run("grade", "--input", in.toString(), "--response-field", "output", "--answer-field", "gt",
                "--dataset", "aqua")).isZero();
        assertThat(JSON.readTree(out.toString().strip()).get("correct").asBoolean()).isTrue();
    }

    @Test
    void aFileWithoutAGradableLineIsAnError() throws IOException {
        Path in = input("{\"response\": \"x\"}");
        assertThat(run("grade", "--input", in.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no gradable line");
        assertThat(run("grade", "--input", dir.resolve("missing.jsonl").toString())).isEqualTo(1);
    }

    @Test
    void helpWorks() {
        assertThat(run("grade", "--help")).isZero();
        assertThat(out.toString()).contains("--timeout-ms").contains("--response-field");
    }
}
