package org.verl4j.spark;

import org.verl4j.commandline.MetricsOptions;
import org.verl4j.rank.RankOptions;
import org.verl4j.rank.WindowSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code verl4j-spark metrics}: {@code verl4j metrics} over many files on a Spark cluster (ALGORITHM.md §2–§4). */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"ER, ERV and ERA of hidden states in many files (docs/ALGORITHM.md §2-§4), one row per response, as verl4j metrics.",
                "",
                "Inputs: Hadoop paths, globs or directories on any file system (file:, hdfs:, s3a:, ...); a directory "
                        + "contributes its .npy/.safetensors files, recursively.",
                "Output directory: responses.json/ and responses.parquet/ (part files in input order), global.json with "
                        + "--global, failures.jsonl naming each unreadable file (counted, not fatal, unless --strict).",
                ""})
final class MetricsJobCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Hidden-state files, globs or directories.")
    List<String> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (must not exist).")
    String out;

    @Option(names = "--format", split = ",", paramLabel = "json,parquet", description = "Row formats (default: json,parquet).")
    Set<OutputFormat> formats = EnumSet.allOf(OutputFormat.class);

    @Mixin
    MetricsOptions measure;

    @Option(names = "--partitions", paramLabel = "P", description = "Tasks to split the files into (default: min(files, 4 × default parallelism)).")
    int partitions;

    @Option(names = "--global-partitions", paramLabel = "P'", description = "Summary partitions for the cumulative "
            + "series of --global, at most P (default: min(P, N/(2d)), so that the d×d summaries stay under a quarter of the mean rows).")
    int globalPartitions;

    @Mixin
    StrictOption strict;

    @Mixin
    SparkOptions spark;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (formats.isEmpty()) throw new IllegalArgumentException("--format needs json, parquet or both");
        RankOptions options = measure.rankOptions();
        MetricsSettings settings = new MetricsSettings(options.stride(), options.maxLen(), options.truncation(),
                measure.windowSeries() == WindowSeries.KEEP ? MetricsRows.Columns.WITH_WINDOWS : MetricsRows.Columns.PLAIN,
                measure.pooling(), measure.rowRule());
        if (globalPartitions != 0 && measure.globalStride().isEmpty())
            throw new IllegalArgumentException("--global-partitions needs --global");
        Optional<MetricsJob.Global> g = measure.globalStride().isPresent()
                ? Optional.of(new MetricsJob.Global(measure.globalStride().getAsInt(),
                        globalPartitions == 0 ? OptionalInt.empty() : OptionalInt.of(globalPartitions))) : Optional.empty();
        MetricsJob.Report report = MetricsJob.run(spark.session("metrics"), inputs, settings, g, formats, out,
                partitions, strict.strictness());
        var err = spec.commandLine().getErr();
        for (String failure : report.failures()) err.println("verl4j-spark metrics: skipped " + failure);
        err.println("verl4j-spark metrics: " + report.responses() + " response(s) from " + (report.files() - report.failures().size())
                + " of " + report.files() + " file(s) into " + out
                + (report.failures().isEmpty() ? "" : "; " + report.failures().size() + " unreadable, listed in " + MetricsJob.FAILURES));
        report.global().ifPresent(result -> err.println("verl4j-spark metrics: " + result.route().summary()));
        err.flush();
        return 0;
    }
}
