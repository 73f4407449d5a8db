package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.verl4j.metrics.ResponseInput;
import org.verl4j.metrics.ResponseStream;
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
        String localName = null;
        try (LocalFile local = LocalFile.of(file.path(), conf)) {
            localName = local.path().toString();
            try (ResponseInput in = ResponseInput.open(local.path(), file.path(), settings.rowRule())) {
                return measure(file, in, settings, threads);
            }
        } catch (UncheckedIOException e) {
            return new FileOutcome.Failed(file.ordinal(), file.path(), describe(file, localName, e.getCause()));
        } catch (IOException | RuntimeException e) {
            return new FileOutcome.Failed(file.ordinal(), file.path(), describe(file, localName, e));
        }
    }

    private static FileOutcome measure(InputFile file, ResponseInput in, MetricsSettings settings, int threads) {
        List<Row> rows = new ArrayList<>(in.count());
        ResponseStream responses = new ResponseStream(List.of(in), settings.pool());
        RankBatch.measureStream(responses, settings.rankOptions(),
                settings.output() == MetricsRows.Columns.WITH_WINDOWS ? WindowSeries.KEEP : WindowSeries.DROP, threads, r -> {
                    ResponseStream.Label label = responses.nextLabel();
                    rows.add(MetricsRows.row(settings.output(), file.path(), label.index(), label.tensor(),
                            label.rows(), label.cols(), r));
                });
        return new FileOutcome.Measured(file.ordinal(), file.path(), rows, responses.meanRows());
    }

    /**
     * The exception's message, naming the file once by its source path: a message that starts with the local path
     * the reader opened ({@code /data/a.npy} for {@code file:/data/a.npy}, or a local copy's temporary name) has that
     * prefix replaced by the source path; any other message is prefixed with it unless it already names it.
     */
    static String describe(InputFile file, String localName, Throwable e) {
        String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        if (localName != null && m.startsWith(localName + ": ")) return file.path() + m.substring(localName.length());
        return m.contains(file.path()) ? m : file.path() + ": " + m;
    }
}
