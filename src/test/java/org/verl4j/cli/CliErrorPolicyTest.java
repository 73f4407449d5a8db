package org.verl4j.cli;

import org.junit.jupiter.api.Test;
import org.verl4j.commandline.ErrorPolicy;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Main's error policy (issue 11): one {@code verl4j: error:} line for every kind of failure, every subcommand. */
class CliErrorPolicyTest {

    @TempDir
    Path dir;

    private static void assertOneErrorLine(CliRun run, String... fragments) {
        assertThat(run.exitCode()).isNotZero();
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("verl4j: error: ");
        for (String f : fragments) assertThat(lines.get(0)).contains(f);
    }

    @Test
    void anUnknownOptionIsOneLineWithAHintToHelpInEverySubcommand() {
        assertOneErrorLine(CliRun.of("grade", "--input", "x.jsonl", "--no-such-option"), "--no-such-option", "verl4j grade --help");
        assertOneErrorLine(CliRun.of("metrics", "a.npy", "--bogus"), "--bogus", "verl4j metrics --help");
        assertOneErrorLine(CliRun.of("--frobnicate"), "--frobnicate", "verl4j --help");
    }

    @Test
    void aMissingRequiredOptionOrBadNumberIsOneLine() {
        assertOneErrorLine(CliRun.of("grade"), "--input", "--help");
        assertOneErrorLine(CliRun.of("grade", "--input", "x", "--threads", "many"), "many", "--help");
        assertOneErrorLine(CliRun.of("tasks", "generate", "--task", "arithmetic"), "--out", "verl4j tasks generate --help");
    }

    @Test
    void outEqualToTheInputIsRefusedAndTheInputKept() throws IOException {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"response\":\"\\\\boxed{1}\",\"answer\":\"1\"}\n");
        CliRun run = CliRun.of("grade", "--input", in.toString(), "--out", dir.resolve(".").resolve("in.jsonl").toString());
        assertOneErrorLine(run, "is the input", "in.jsonl");
        assertThat(Files.readString(in)).isEqualTo("{\"response\":\"\\\\boxed{1}\",\"answer\":\"1\"}\n");
        Path link = Files.createLink(dir.resolve("hard.jsonl"), in);
        assertOneErrorLine(CliRun.of("grade", "--input", in.toString(), "--out", link.toString()), "is the input");
    }

    @Test
    void metricsOutEqualToAnInputIsRefused() throws IOException {
        Path npy = dir.resolve("h.npy");
        org.verl4j.io.NpyWriter.writeDoubles(npy, org.verl4j.io.DType.F64, new long[] {3, 2}, new double[] {1, 2, 3, 4, 5, 6});
        byte[] before = Files.readAllBytes(npy);
        assertOneErrorLine(CliRun.of("metrics", npy.toString(), "--out", npy.toString()), "is the input");
        assertThat(Files.readAllBytes(npy)).isEqualTo(before);
    }

    @Test
    void anOutputUnderAFileSaysWhatIsWrong() throws IOException {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"response\":\"\\\\boxed{1}\",\"answer\":\"1\"}\n");
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        assertOneErrorLine(CliRun.of("grade", "--input", in.toString(), "--out", plain.resolve("out.jsonl").toString()),
                "is a file, not a directory");
    }

    @Test
    void fileSystemExceptionsSayWhatWentWrongNotJustThePath() {
        assertThat(ErrorPolicy.messageOf(new NoSuchFileException("/some/dir"))).isEqualTo("/some/dir: no such file or directory");
        assertThat(ErrorPolicy.messageOf(new AccessDeniedException("/root/x"))).isEqualTo("/root/x: permission denied");
        assertThat(ErrorPolicy.messageOf(new FileSystemException("/a", null, "Not a directory"))).isEqualTo("/a: Not a directory");
        assertThat(ErrorPolicy.messageOf(new IOException(new NoSuchFileException("/w")))).contains("no such file");
    }

    @Test
    void theHelpOfOutputOptionsSaysMissingDirectoriesAreCreated() {
        assertThat(CliRun.of("grade", "--help").out().replaceAll("\\s+", " ")).contains("Missing parent directories are created");
        assertThat(CliRun.of("metrics", "--help").out().replaceAll("\\s+", " ")).contains("Missing parent directories are created");
        assertThat(CliRun.of("tasks", "generate", "--help").out().replaceAll("\\s+", " ")).contains("created with its parents");
    }

    @Test
    void gradeReportsANonUtf8LineAndGradesTheOthers() throws IOException {
        byte[] good = "{\"response\":\"\\\\boxed{1}\",\"answer\":\"1\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = {'{', '"', 'x', (byte) 0xc3, '"', '}', '\n'};
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.writeBytes(bom);
        all.writeBytes(good);
        all.writeBytes(bad);
        all.writeBytes(good);
        Path in = Files.write(dir.resolve("mixed.jsonl"), all.toByteArray());
        CliRun run = CliRun.of("grade", "--input", in.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(2).allSatisfy(l -> assertThat(l.get("correct").asBoolean()).isTrue());
        assertThat(run.err()).contains("mixed.jsonl line 2: not valid UTF-8 (byte 0xC3 at column 4)");
    }
}
