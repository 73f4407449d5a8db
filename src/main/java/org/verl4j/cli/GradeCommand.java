package org.verl4j.cli;

import org.verl4j.grader.GradeInput;
import org.verl4j.commandline.OutputTarget;
import org.verl4j.commandline.GradeOptions;
import org.verl4j.io.AtomicFile;
import org.verl4j.grader.GradeCounts;
import org.verl4j.grader.GradingExecutor;
import org.verl4j.grader.MathGrader;
import org.verl4j.grader.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code verl4j grade --input FILE.jsonl}: grades model responses against ground truths (ALGORITHM.md §9).
 * Every input line comes out with {@code extracted}, {@code correct}, {@code reason} and {@code timed_out}
 * added; a malformed line is named on stderr and skipped, never scored.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grade model responses against ground-truth answers (docs/ALGORITHM.md §9, math_equal semantics).",
                "Each JSON line needs a response and an answer, optionally a dataset (it decides extraction",
                "rules, e.g. multiple choice) and an id. Output: each line plus extracted, correct, reason and",
                "timed_out; a summary on stderr. Malformed lines are reported by number and skipped (exit 0",
                "if any line was graded); --strict turns them into an error (exit 1)."})
public final class GradeCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "JSON Lines file to grade.")
    Path input;

    @Option(names = "--out", description = "Output JSON Lines file (written atomically); default: stdout."
            + OutputTarget.HELP_NOTE)
    Path out;

    @Mixin
    GradeOptions grading;

    @Option(names = "--threads", description = "Worker threads (default and most: available processors; more are capped, since"
            + " items waiting for a core would spend their deadline).")
    Integer threads;

    @Option(names = "--strict", description = "Fail (exit 1, no output) when any line is malformed.")
    boolean strict;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(input)) throw new IllegalArgumentException("--input " + input + ": no such file");
        OutputTarget.refuseInputs("--out", out, List.of(input));
        int workers = threads != null ? threads : GradingExecutor.maxThreads();
        if (workers < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + workers);
        long timeoutMillis = grading.timeoutMillis();
        GradeInput parsed = GradeInput.read(input, grading.fields());
        PrintWriter err = spec.commandLine().getErr();
        for (String problem : parsed.malformed()) err.println("verl4j grade: skipped " + problem);
        if (strict && !parsed.malformed().isEmpty()) {
            throw new IllegalArgumentException(input + ": " + parsed.malformed().size() + " malformed line(s) under --strict");
        }
        if (parsed.rows().isEmpty()) throw new IllegalArgumentException(input + ": no gradable line");
        List<Verdict> verdicts;
        try (GradingExecutor executor = new GradingExecutor(new MathGrader(), workers, timeoutMillis)) {
            if (executor.threads() < workers) {
                err.println("verl4j grade: --threads " + workers + " capped at " + executor.threads() + " (available processors)");
            }
            verdicts = parsed.grade(executor);
        }
        List<String> lines = parsed.gradedLines(verdicts);
        write(lines);
        err.println(GradeCounts.of(verdicts, parsed.malformed().size()).describe(input.toString()));
        return 0;
    }

    private void write(List<String> lines) throws IOException {
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            for (String line : lines) stdout.println(line);
            stdout.flush();
            return;
        }
        AtomicFile.writeText(out, writer -> {
            for (String line : lines) writer.write(line + "\n");
        });
    }
}
