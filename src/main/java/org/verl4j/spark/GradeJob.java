package org.verl4j.spark;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.verl4j.grader.GradeInput;
import org.verl4j.grader.GradeCounts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The driver side of the grade job ({@code verl4j grade} over a large JSONL, ALGORITHM.md §9).
 *
 * <pre>
 * executors: Spark's line reader splits the file → (line, index) pairs            (zipWithIndex: one counting pass)
 *            each partition → parse, grade under the per-item deadline (GradeTask) (map; nothing shuffled)
 * driver:    malformed-line messages collected; counts summed (a reduce of 6 longs per partition)
 *            graded lines written by the executors, in input order               (graded.jsonl/ part files)
 * </pre>
 */
final class GradeJob {

    static final String GRADED = "graded.jsonl";
    static final String MALFORMED = "malformed.jsonl";

    /**
     * What the job did.
     *
     * @param counts    the summary counts (as on the CLI's stderr)
     * @param malformed one message per malformed line, in line order
     */
    record Report(GradeCounts counts, List<String> malformed) {
    }

    private GradeJob() {
    }

    static Report run(SparkSession spark, String input, GradeInput.Fields fields, GraderFactory grader, int threadsPerTask, long timeoutMillis,
                      String out, int partitions, Strictness strictness) throws IOException {
        if (threadsPerTask < 1) throw new IllegalArgumentException("--threads-per-task must be ≥ 1, got " + threadsPerTask);
        if (timeoutMillis < 1) throw new IllegalArgumentException("--timeout-ms must be ≥ 1, got " + timeoutMillis);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Path in = new Path(input);
        if (!in.getFileSystem(jsc.hadoopConfiguration()).isFile(in))
            throw new IllegalArgumentException("--input " + input + ": no such file");
        JobOutput output = JobOutput.create(out, jsc.hadoopConfiguration());
        JavaRDD<String> text = partitions > 0 ? jsc.textFile(input, partitions) : jsc.textFile(input);
        JavaRDD<LineOutcome> outcomes = text.zipWithIndex()
                .mapPartitions(lines -> GradeTask.run(lines, input, fields, grader, threadsPerTask, timeoutMillis))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<LineOutcome> bad = new ArrayList<>(outcomes.filter(o -> o instanceof LineOutcome.Malformed).collect());
            bad.sort(Comparator.comparingLong(LineOutcome::line));
            List<String> malformed = new ArrayList<>(bad.size());
            for (LineOutcome o : bad) malformed.add(((LineOutcome.Malformed) o).message());
            GradeCounts counts = outcomes.map(o -> o instanceof LineOutcome.Graded g ? g.counts() : GradeCounts.malformedLine())
                    .fold(GradeCounts.ZERO, GradeCounts::plus);
            strictness.check(malformed, counts.graded() + counts.malformed());
            if (counts.graded() == 0) throw new IllegalArgumentException(input + ": no gradable line");
            JavaRDD<String> graded = outcomes.filter(o -> o instanceof LineOutcome.Graded).map(o -> ((LineOutcome.Graded) o).json());
            spark.createDataset(graded.rdd(), Encoders.STRING()).write().text(output.path(GRADED));
            if (!malformed.isEmpty()) output.lines(MALFORMED, FailureJson.lines(malformed));
            return new Report(counts, malformed);
        } finally {
            outcomes.unpersist(false);
        }
    }
}
