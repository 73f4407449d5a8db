package org.verl4j.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.grader.GradeInput;
import org.verl4j.grader.GradeCounts;
import org.verl4j.grader.Verdict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grade job in local[2] against {@code verl4j grade} run in-process on the same JSONL: the same graded lines
 * in the same order, the same skipped-line messages and summary. The input spans two splits, so two executor
 * tasks grade it; its lines cover every outcome the CLI distinguishes (correct, wrong, no answer, numbers as
 * answers, multiple choice, malformed, blank).
 */
class GradeJobTest {

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static Path input;

    @BeforeAll
    static void start() throws IOException {
        spark = LocalSpark.start(GradeJobTest.class.getSimpleName());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {               // 30 items: 6 without an answer (i ≡ 4 mod 5), 8 more wrong (i ≡ 2 mod 3)
            int answer = 7 * i + 3;
            String response = i % 5 == 4 ? "I cannot tell." : "so the result is \\\\boxed{" + (i % 3 == 2 ? answer + 1 : answer) + "}";
            lines.add("{\"id\": " + i + ", \"response\": \"" + response + "\", \"answer\": " + answer + "}");
        }
        lines.add(3, "{\"id\": 100, \"response\": \"I pick (C)\", \"answer\": \"C\", \"dataset\": \"aqua\"}");
        lines.add(7, "not json");
        lines.add(8, "");
        lines.add(12, "{\"response\": \"x\"}");
        lines.add(20, "[1, 2]");
        lines.add(25, "{\"response\": [1], \"answer\": \"1\"}");
        lines.add(28, "{\"id\": 101, \"response\": \"\\\\boxed{\\\\frac{1}{2}}\", \"answer\": \"0.5\"}");
        input = Files.write(dir.resolve("in.jsonl"), lines);
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    @Test
    void gradedLinesAndSummaryEqualTheSingleMachineCommand() throws IOException {
        Path cliOut = dir.resolve("cli.jsonl");
        JobRun cli = JobRun.cli("grade", "--input", input.toString(), "--out", cliOut.toString(), "--threads", "2");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        Path out = dir.resolve("out");
        JobRun job = JobRun.spark("grade", "--input", input.toString(), "--out", out.toString(), "--partitions", "2");
        assertThat(job.exitCode()).as(job.err()).isZero();

        assertThat(Files.list(out.resolve(GradeJob.GRADED)).filter(p -> p.getFileName().toString().startsWith("part-")).count())
                .as("part files (one per split)").isEqualTo(2);
        assertThat(JobRun.parts(out.resolve(GradeJob.GRADED))).containsExactlyElementsOf(JobRun.parse(Files.readString(cliOut)));
        assertThat(job.err().lines().toList()).containsExactlyElementsOf(cli.err().lines().toList());
        assertThat(job.err()).contains("graded 32, correct 18").contains("malformed lines skipped 4");
        assertThat(JobRun.parse(Files.readString(out.resolve(GradeJob.MALFORMED)))).hasSize(4);
    }

    @Test
    void strictFailsWithoutOutputOnAMalformedLine() {
        Path out = dir.resolve("out-strict");
        JobRun job = JobRun.spark("grade", "--input", input.toString(), "--out", out.toString(), "--strict");
        assertThat(job.exitCode()).isEqualTo(1);
        assertThat(job.err()).contains("verl4j-spark: error: 4 of 36 input(s) bad under --strict").contains("in.jsonl line 8: not valid JSON");
        assertThat(out).doesNotExist();
    }

    /**
     * A grader stuck on one item (it sleeps, never checking its deadline) cannot stall an executor: the
     * GradingExecutor's backstop grades it a timeout after timeout + grace (here 200 + 500 ms), long before the
     * 600 s sleep would end, and counts it apart; the items after it in the same task are still graded.
     */
    @Test
    void theItemDeadlineHoldsOnExecutors() throws IOException {
        Path stuck = Files.write(dir.resolve("stuck.jsonl"), List.of(
                "{\"response\": \"\\\\boxed{2}\", \"answer\": \"2\"}",
                "{\"response\": \"stuck\", \"answer\": \"1\"}",
                "{\"response\": \"\\\\boxed{5}\", \"answer\": \"4\"}"));
        GraderFactory sleepsOnStuck = () -> (item, deadline) -> {          // not MathGrader: its speed under load is not the point
            if (!item.response().equals("stuck")) {
                boolean equal = item.response().equals("\\boxed{" + item.groundTruth() + "}");
                return new Verdict(equal, item.response(), equal ? "exact_string_ci" : "not_equal", false, true);
            }
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Verdict(true, "1", "never reached", false, false);
        };
        Path out = dir.resolve("out-stuck");
        long start = System.nanoTime();
        GradeJob.Report report = GradeJob.run(spark, stuck.toString(), new GradeInput.Fields("response", "answer", "dataset", null),
                sleepsOnStuck, 1, 200, out.toString(), 0, Strictness.LENIENT);
        assertThat((System.nanoTime() - start) / 1e9).as("seconds (the stuck item would sleep 600 s)").isLessThan(300);
        assertThat(report.counts()).isEqualTo(new GradeCounts(3, 1, 1, 0, 0, 0));
        assertThat(JobRun.parts(out.resolve(GradeJob.GRADED)).get(1).get("timed_out").asBoolean()).isTrue();
    }
}
