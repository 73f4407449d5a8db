package org.verl4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.tasks.ArithmeticTask;
import org.verl4j.tasks.ProblemJsonl;
import org.verl4j.tasks.TaskSplits;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TasksCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void generateWritesTheSameBytesForTheSameSeed(@TempDir Path dir) throws IOException {
        String[] args = {"tasks", "generate", "--task", "arithmetic", "--level", "3", "--train", "40", "--test", "10",
                "--seed", "5", "--out"};
        Run first = run(concat(args, dir.resolve("a").toString()));
        Run second = run(concat(args, dir.resolve("b").toString()));
        assertThat(first.code()).isZero();
        assertThat(second.code()).isZero();
        assertThat(first.out()).contains("wrote 40 train + 10 test problems of arithmetic level 3");
        for (String f : new String[]{"train.jsonl", "test.jsonl"})
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(f))).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
        assertThat(ProblemJsonl.read(dir.resolve("a/test.jsonl")))
                .isEqualTo(TaskSplits.generate(ArithmeticTask.level(3), 40, 10, 5).test());
    }

    @Test
    void badInputIsOneLineError(@TempDir Path dir) {
        Run unknown = run("tasks", "generate", "--task", "sudoku", "--out", dir.toString());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("verl4j: error: unknown task 'sudoku'");
        Run tooMany = run("tasks", "generate", "--task", "digit-completion", "--train", "900", "--test", "1",
                "--out", dir.toString());
        assertThat(tooMany.code()).isEqualTo(1);
        assertThat(tooMany.err()).contains("only 900 distinct problems");
    }

    @Test
    void theTokenizerConfigCoversTheTasksAlphabet(@TempDir Path dir) {
        Path config = dir.resolve("tok/tokenizer_config.json");
        Run r = run("tasks", "generate", "--task", "arithmetic", "--level", "2", "--train", "5", "--test", "1",
                "--out", dir.toString(), "--tokenizer-config", config.toString());
        assertThat(r.code()).isZero();
        assertThat(org.verl4j.tasks.CharTokenizer.read(config).characters()).isEqualTo(ArithmeticTask.ALPHABET);
    }

    @Test
    void helpWorks() {
        Run help = run("tasks", "generate", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--task").contains("--seed").contains("--out");
    }

    private static String[] concat(String[] a, String last) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = last;
        return r;
    }
}
