package org.verl4j.spark;

import org.verl4j.commandline.GradeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code verl4j-spark grade}: {@code verl4j grade} over a large JSONL on a Spark cluster (ALGORITHM.md §9). */
@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Grade model responses against ground truths (docs/ALGORITHM.md §9), as verl4j grade, split over executors.",
                "Output directory: graded.jsonl/ (each input line plus extracted, correct, reason, timed_out; part files "
                        + "in input order), malformed.jsonl naming each skipped line; the summary on stderr."})
final class GradeJobCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "JSON Lines file on any Hadoop file system.")
    String input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (must not exist).")
    String out;

    @Mixin
    GradeOptions grading;

    @Option(names = "--threads-per-task", defaultValue = "1", description = "Grader threads in each Spark task (default: ${DEFAULT-VALUE}).")
    int threadsPerTask;

    @Option(names = "--partitions", paramLabel = "P", description = "Minimum number of input splits (default: Spark's).")
    int partitions;

    @Mixin
    StrictOption strict;

    @Mixin
    SparkOptions spark;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        GradeJob.Report report = GradeJob.run(spark.session("grade"), input, grading.fields(), GraderFactory.MATH, threadsPerTask, grading.timeoutMillis(), out,
                partitions, strict.strictness());
        PrintWriter err = spec.commandLine().getErr();
        for (String problem : report.malformed()) err.println("verl4j grade: skipped " + problem);
        err.println(report.counts().describe(input));
        err.flush();
        return 0;
    }
}
