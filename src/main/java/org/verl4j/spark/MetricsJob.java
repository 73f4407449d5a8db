package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.verl4j.cli.MetricsJson;
import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.WindowSeries;
import org.verl4j.rank.HiddenStates;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The driver side of the metrics job (spec §2–§4 over many files).
 *
 * <pre>
 * driver:    expand the inputs → F files in input order                       (a listing; no data read)
 * executors: each file → its rows + z_i (MetricsTask), or a failure             (map; nothing shuffled)
 * driver:    failures collected (message per file); rows written by executors   (JSON Lines, Parquet)
 *            with --global: z_i collected in input order → Zg (N×d) → DatasetRank.ofPooled (spec §4)
 * </pre>
 * The driver never receives a response's hidden states: per response it receives d doubles (z_i) and only
 * when {@code --global} asks for the order-dependent cumulative series of §4.
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
     * @param global    spec §4 over every measured response, when requested
     */
    record Report(int files, long responses, List<String> failures, Optional<DatasetRank> global) {
    }

    /** Where the spec §4 metrics are wanted: {@code stride} s over the response axis. */
    record Global(int stride) {
        Global {
            if (stride < 1) throw new IllegalArgumentException("--global-stride must be ≥ 1, got " + stride);
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
            Optional<DatasetRank> dataset = Optional.empty();
            if (global.isPresent()) {
                HiddenStates zg = pooled(outcomes);
                WindowSeries series = settings.output() == MetricsRows.Columns.WITH_WINDOWS ? WindowSeries.KEEP : WindowSeries.DROP;
                DatasetRank g = DatasetRank.ofPooled(zg, global.get().stride(), series);
                output.lines(GLOBAL, List.of(MetricsJson.globalLine(g, zg.cols(), series)));
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

    /** Zg: z_i of every measured response, in input order (file ordinal, then index), N×d (spec §4). */
    private static HiddenStates pooled(JavaRDD<FileOutcome> outcomes) {
        List<FileOutcome> measured = new ArrayList<>(outcomes.filter(o -> o instanceof FileOutcome.Measured)
                .map(o -> (FileOutcome) new FileOutcome.Measured(o.ordinal(), o.source(), List.of(), ((FileOutcome.Measured) o).means()))
                .collect());
        measured.sort(Comparator.comparingInt(FileOutcome::ordinal));
        int n = 0, d = -1;
        String first = null;
        for (FileOutcome o : measured) {
            for (double[] z : ((FileOutcome.Measured) o).means()) {
                if (d >= 0 && z.length != d)
                    throw new IllegalArgumentException(o.source() + ": hidden size " + z.length + " differs from " + d + " of " + first
                            + "; --global pools responses of one hidden size");
                if (d < 0) first = o.source();
                d = z.length;
                n++;
            }
        }
        if (n == 0) throw new IllegalArgumentException("--global: no response to pool");
        double[] zg = new double[n * d];
        int i = 0;
        for (FileOutcome o : measured) for (double[] z : ((FileOutcome.Measured) o).means()) System.arraycopy(z, 0, zg, d * i++, d);
        return new HiddenStates(n, d, zg);
    }
}
