package org.verl4j.spark;

import org.verl4j.cli.ResponseInput;
import org.verl4j.cli.ResponseStream;
import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.RankOptions;
import org.verl4j.rank.Truncation;
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
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code verl4j-spark metrics}: {@code verl4j metrics} over many files on a Spark cluster (spec §2–§4). */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"ER, ERV and ERA of hidden states in many files (spec §2-§4), one row per response, as verl4j metrics.",
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

    @Option(names = "--lengths-from-padding", paramLabel = "VALUE",
            description = "Trailing rows whose values all equal VALUE (a number or nan) are padding.")
    String paddingValue;

    @Option(names = "--stride", paramLabel = "s", description = "Window stride s (default ${DEFAULT-VALUE}).")
    int stride = RankOptions.DEFAULTS.stride();

    @Option(names = "--max-len", paramLabel = "M", description = "Truncation length M for ERV/ERA (default ${DEFAULT-VALUE}).")
    int maxLen = RankOptions.DEFAULTS.maxLen();

    @Option(names = "--truncate", paramLabel = "tail|head|none", description = "Which M rows ERV/ERA keep (default ${DEFAULT-VALUE}).")
    Truncation truncate = RankOptions.DEFAULTS.truncation();

    @Option(names = "--global", description = "Also the dataset-level metrics of spec §4 (global.json).")
    boolean global;

    @Option(names = "--global-stride", paramLabel = "s", description = "Stride over the response axis for --global (default ${DEFAULT-VALUE}).")
    int globalStride = DatasetRank.DEFAULT_STRIDE;

    @Option(names = "--windows", description = "Include the per-window series {end, er, v, a}.")
    boolean windows;

    @Option(names = "--partitions", paramLabel = "P", description = "Tasks to split the files into (default: min(files, 4 × default parallelism)).")
    int partitions;

    @Option(names = "--strict", description = "Fail, writing no rows, when any file is unreadable.")
    boolean strict;

    @Mixin
    SparkOptions spark;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (formats.isEmpty()) throw new IllegalArgumentException("--format needs json, parquet or both");
        ResponseInput.Lengths rule = paddingValue != null ? new ResponseInput.FromPadding(parsePadding(paddingValue))
                : new ResponseInput.AllRows();
        MetricsSettings settings = new MetricsSettings(stride, maxLen, truncate,
                windows ? MetricsRows.Columns.WITH_WINDOWS : MetricsRows.Columns.PLAIN,
                global ? ResponseStream.Pooling.MEAN_ROWS : ResponseStream.Pooling.NONE, rule);
        Optional<MetricsJob.Global> g = global ? Optional.of(new MetricsJob.Global(globalStride)) : Optional.empty();
        MetricsJob.Report report = MetricsJob.run(spark.session("metrics"), inputs, settings, g, formats, out,
                partitions, strict ? Strictness.STRICT : Strictness.LENIENT);
        var err = spec.commandLine().getErr();
        for (String failure : report.failures()) err.println("verl4j-spark metrics: skipped " + failure);
        err.println("verl4j-spark metrics: " + report.responses() + " response(s) from " + (report.files() - report.failures().size())
                + " of " + report.files() + " file(s) into " + out
                + (report.failures().isEmpty() ? "" : "; " + report.failures().size() + " unreadable, listed in " + MetricsJob.FAILURES));
        err.flush();
        return 0;
    }

    private static double parsePadding(String text) {
        if (text.equalsIgnoreCase("nan")) return Double.NaN;
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException bad) {
            throw new IllegalArgumentException("--lengths-from-padding needs a number or nan, got \"" + text + "\"");
        }
    }
}
