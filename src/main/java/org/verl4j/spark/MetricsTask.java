package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.verl4j.cli.ResponseInput;
import org.verl4j.cli.ResponseStream;
import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.RankBatch;
import org.verl4j.rank.WindowSeries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The executor side of the metrics job: one file in, its rows (and mean rows z_i) out. The file is read by the
 * CLI's own {@link ResponseInput} and streamed by its {@link ResponseStream} through {@link RankBatch#measureStream},
 * exactly as in {@code verl4j metrics} (one response in memory at a time per thread); z_i is {@link DatasetRank#meanRow}. A file's outcome is all-or-nothing: any problem while opening or
 * reading it (I/O error, bad header, a NaN, a response with no rows under pooling) makes it {@link FileOutcome.Failed}
 * with the message the CLI would print, and the job counts it instead of stopping.
 */
final class MetricsTask {

    private MetricsTask() {
    }

    static FileOutcome run(InputFile file, MetricsSettings settings, Configuration conf, int threads) {
        try (LocalFile local = LocalFile.of(file.path(), conf);
             ResponseInput in = ResponseInput.open(local.path(), file.path(), settings.rowRule())) {
            List<Row> rows = new ArrayList<>(in.count());
            ResponseStream responses = new ResponseStream(List.of(in), settings.pool());
            RankBatch.measureStream(responses, settings.rankOptions(),
                    settings.output() == MetricsRows.Columns.WITH_WINDOWS ? WindowSeries.KEEP : WindowSeries.DROP, threads, r -> {
                        ResponseStream.Label label = responses.nextLabel();
                        rows.add(MetricsRows.row(settings.output(), file.path(), label.index(), label.tensor(),
                                label.rows(), label.cols(), r));
                    });
            return new FileOutcome.Measured(file.ordinal(), file.path(), rows, responses.meanRows());
        } catch (UncheckedIOException e) {
            return new FileOutcome.Failed(file.ordinal(), file.path(), describe(file, e.getCause()));
        } catch (IOException | RuntimeException e) {
            return new FileOutcome.Failed(file.ordinal(), file.path(), describe(file, e));
        }
    }

    /** The exception's message, naming the file when the message does not already (local copies named as the source). */
    private static String describe(InputFile file, Throwable e) {
        String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return m.contains(file.path()) ? m : file.path() + ": " + m;
    }
}
