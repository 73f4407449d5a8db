package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.verl4j.metrics.MetricsJson;
import org.verl4j.rank.WindowSeries;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The driver side of the metrics job (ALGORITHM.md §2–§4 over many files).
 *
 * <pre>
 * driver:    expand the inputs → F files in input order                       (a listing; no data read)
 * executors: each file → its rows + z_i (MetricsTask), or a failure             (map; nothing shuffled)
 * driver:    failures collected (message per file); rows written by executors   (JSON Lines, Parquet)
 *            with --global: ALGORITHM.md §4 by aggregation of per-partition summaries (GlobalAggregation)
 * </pre>
 * The driver never receives a response's hidden states, and with {@code --global} only the first d+1 mean rows
 * z_i and one d×d summary per summary partition (GlobalAggregation's cost table) — unless a summary is not finite
 * (mean rows beyond double's range), when every z_i (N·d doubles) is collected and said so.
 */
final class MetricsJob {

    /** The stem of the row directories ({@code responses.json/}, {@code responses.parquet/}). */
    static final String ROWS = "responses";
    static final String GLOBAL = "global.json";
    static final String FAILURES = "failures.jsonl";

    /**
     * What the job did.
     *
     * @param files     input files listed
     * @param responses responses measured (rows written)
     * @param failures  one message per unreadable file, in input order
     * @param global    ALGORITHM.md §4 over every measured response and how it was computed, when requested
     */
    record Report(int files, long responses, List<String> failures, Optional<GlobalAggregation.Result> global) {
    }

    /**
     * Where the ALGORITHM.md §4 metrics are wanted: {@code stride} s over the response axis, and how many summary
     * partitions P' the cumulative series runs on (empty: GlobalAggregation's rule min(P, max(1, ⌊N/(2d)⌋))).
     */
    record Global(int stride, OptionalInt summaryPartitions) {
        Global {
            if (stride < 1) throw new IllegalArgumentException("--global-stride must be ≥ 1, got " + stride);
            if (summaryPartitions.isPresent() && summaryPartitions.getAsInt() < 1)
                throw new IllegalArgumentException("--global-partitions must be ≥ 1, got " + summaryPartitions.getAsInt());
        }
    }

    private MetricsJob() {
    }

    static Report run(SparkSession spark, List<String> inputs, MetricsSettings settings, Optional<Global> global,
                      Set<OutputFormat> formats, String out, int partitions, Strictness strictness) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = jsc.hadoopConfiguration();
        JobOutput output = JobOutput.create(out, conf);
        List<InputFile> files = InputFiles.expand(inputs, conf);
        Broadcast<HadoopConf> hadoop = jsc.broadcast(HadoopConf.of(conf));
        int slices = partitions > 0 ? partitions : Math.min(files.size(), 4 * jsc.defaultParallelism());
        JavaRDD<FileOutcome> outcomes = jsc.parallelize(files, Math.max(1, slices)).mapPartitions(it -> {
            Configuration executorConf = hadoop.value().configuration();
            List<FileOutcome> done = new ArrayList<>();
            while (it.hasNext()) done.add(MetricsTask.run(it.next(), settings, executorConf, 1));
            return done.iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<String> failures = failures(outcomes);
            strictness.check(failures, files.size());
            if (failures.size() == files.size())
                throw new IllegalArgumentException("no input file could be read (" + files.size() + " failed), first: " + failures.get(0));
            JavaRDD<Row> rows = outcomes.flatMap(MetricsJob::rowsOf);
            output.rows(ROWS, spark.createDataFrame(rows, MetricsRows.schema(settings.output())), formats);
            long responses = outcomes.map(o -> o instanceof FileOutcome.Measured m ? (long) m.rows().size() : 0L).reduce(Long::sum);
            if (!failures.isEmpty()) output.lines(FAILURES, FailureJson.lines(failures));
            Optional<GlobalAggregation.Result> dataset = Optional.empty();
            if (global.isPresent()) {
                WindowSeries series = settings.output() == MetricsRows.Columns.WITH_WINDOWS ? WindowSeries.KEEP : WindowSeries.DROP;
                GlobalAggregation.Result g = GlobalAggregation.run(jsc, meanRows(outcomes), global.get(), series);
                output.lines(GLOBAL, List.of(MetricsJson.globalLine(g.rank(), g.d(), series)));
                dataset = Optional.of(g);
            }
            return new Report(files.size(), responses, failures, dataset);
        } finally {
            outcomes.unpersist(false);
            hadoop.destroy();
        }
    }

    private static Iterator<Row> rowsOf(FileOutcome o) {
        return o instanceof FileOutcome.Measured m ? m.rows().iterator() : List.<Row>of().iterator();
    }

    private static List<String> failures(JavaRDD<FileOutcome> outcomes) {
        List<FileOutcome> failed = new ArrayList<>(outcomes.filter(o -> o instanceof FileOutcome.Failed).collect());
        failed.sort(Comparator.comparingInt(FileOutcome::ordinal));
        List<String> messages = new ArrayList<>(failed.size());
        for (FileOutcome f : failed) messages.add(((FileOutcome.Failed) f).message());
        return messages;
    }

    /** The z_i of every file with responses, one block per file; partitions and files within them in input order. */
    private static JavaRDD<MeanRows> meanRows(JavaRDD<FileOutcome> outcomes) {
        return outcomes.flatMap(o -> o instanceof FileOutcome.Measured m && !m.means().isEmpty()
                ? List.of(new MeanRows(m.ordinal(), m.source(), m.means())).iterator() : List.<MeanRows>of().iterator());
    }
}
