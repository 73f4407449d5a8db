package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.verl4j.eval.EvalFiles;
import org.verl4j.eval.EvalItem;
import org.verl4j.eval.EvalReport;
import org.verl4j.eval.ProblemResult;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The driver side of the eval job ({@code verl4j eval} over a cluster, ALGORITHM.md §9).
 *
 * <pre>
 * driver:    benchmarks → N items in input order (the CLI's EvalSources)           (read on the driver only)
 *            cut into P contiguous slices, each with its first position f         (Slice)
 * executors: each slice → its longest prompt in tokens → driver: w = the largest   (a small first pass)
 * executors: each slice → Evaluator.results(items, f, sampling, w) on the JVM's engine  (map; nothing shuffled)
 *            item i prompted as "eval-" + (f + i): the CLI's id, so the same random streams; padded to w and
 *            never decoded alone, so the CLI's bits
 * driver:    results collected in slice order → EvalReport.of → the CLI's files     (EvalFiles)
 * </pre>
 * Shipped to executors: the items (question, answer, verifier: ~1 KB each) and the settings with each task; the
 * Hadoop configuration once (a broadcast). Returned: per problem its n texts and verdicts. The model is read by each
 * executor JVM once ({@link ExecutorEngines}). Any failure fails the job, naming the slice: the table is the CLI's
 * only when every item is evaluated.
 */
final class EvalJob {

    private EvalJob() {
    }

    static EvalReport run(SparkSession spark, List<EvalItem> items, EvalSettings settings, int partitions, String out) throws IOException {
        if (items.isEmpty()) throw new IllegalArgumentException("nothing to evaluate: no items");
        if (partitions < 0) throw new IllegalArgumentException("--partitions must be ≥ 0 (0 = Spark's default parallelism), got " + partitions);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = jsc.hadoopConfiguration();
        JobOutput output = JobOutput.create(out, conf);
        Path model = new Path(settings.engine().model());
        FileSystem fs = model.getFileSystem(conf);
        if (!fs.isDirectory(model)) throw new IllegalArgumentException("--model " + model + ": no such directory");
        List<Slice<EvalItem>> slices = Slice.of(items, partitions > 0 ? partitions : jsc.defaultParallelism());
        Broadcast<HadoopConf> hadoop = jsc.broadcast(HadoopConf.of(conf));
        List<SliceOutcome<ProblemResult>> outcomes;
        try {
            int width = 0;                                            // the whole list's prompt width, as the CLI pads
            for (int w : SliceOutcome.concatenate(jsc.parallelize(slices, slices.size())
                    .map(slice -> EvalTask.width(slice, settings, hadoop.value().configuration())).collect()))
                width = Math.max(width, w);
            int whole = width;
            outcomes = jsc.parallelize(slices, slices.size())
                    .map(slice -> EvalTask.run(slice, whole, settings, hadoop.value().configuration()))
                    .collect();
        } finally {
            hadoop.destroy();
        }
        List<ProblemResult> results = SliceOutcome.concatenate(outcomes);
        EvalReport report = EvalReport.of(results);
        for (Map.Entry<String, String> f : EvalFiles.of(report).entrySet()) output.text(f.getKey(), f.getValue());
        return report;
    }

    /** {@code model} fully qualified against its file system ({@code models/x} → {@code file:/…/models/x}). */
    static String qualified(String model, Configuration conf) throws IOException {
        Path path = new Path(model);
        return path.getFileSystem(conf).makeQualified(path).toString();
    }
}
