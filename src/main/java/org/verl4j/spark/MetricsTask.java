package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.WindowSeries;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankBatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The executor side of the metrics job: one file in, its rows (and mean rows z_i) out. Responses stream through
 * {@link RankBatch#measureStream} exactly as in {@code verl4j metrics} (one response in memory at a time per
 * thread); z_i is {@link DatasetRank#meanRow}. A file's outcome is all-or-nothing: any problem while opening or
 * reading it (I/O error, bad header, a NaN, a response with no rows under pooling) makes it {@link FileOutcome.Failed}
 * with the message the CLI would print, and the job counts it instead of stopping.
 */
final class MetricsTask {

    private MetricsTask() {
    }

    static FileOutcome run(InputFile file, MetricsSettings settings, Configuration conf, int threads) {
        try (LocalFile local = LocalFile.of(file.path(), conf);
             HiddenStateFile in = HiddenStateFile.open(local.path(), file.path(), settings.rowRule())) {
            List<Row> rows = new ArrayList<>(in.count());
            List<double[]> means = new ArrayList<>();
            Responses responses = new Responses(in, file.path(), settings.pool() == MetricsSettings.Pooling.MEAN_ROWS, means);
            RankBatch.measureStream(responses, settings.rankOptions(),
                    settings.output() == MetricsRows.Columns.WITH_WINDOWS ? WindowSeries.KEEP : WindowSeries.DROP, threads, r -> {
                        HiddenStateFile.Response label = responses.nextLabel();
                        rows.add(MetricsRows.row(settings.output(), file.path(), label.index(), label.tensor(),
                                label.z().rows(), label.z().cols(), r));
                    });
            return new FileOutcome.Measured(file.ordinal(), file.path(), rows, means);
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

    /** The responses of a file for {@code measureStream}, remembering each (results return in order) and its z_i. */
    private static final class Responses implements Iterator<HiddenStates> {
        private final HiddenStateFile in;
        private final String source;
        private final boolean pool;
        private final List<double[]> means;
        private final java.util.ArrayDeque<HiddenStateFile.Response> pending = new java.util.ArrayDeque<>();
        private int next;

        Responses(HiddenStateFile in, String source, boolean pool, List<double[]> means) {
            this.in = in;
            this.source = source;
            this.pool = pool;
            this.means = means;
        }

        @Override
        public boolean hasNext() {
            return next < in.count();
        }

        @Override
        public HiddenStates next() {
            if (!hasNext()) throw new NoSuchElementException();
            HiddenStateFile.Response r;
            try {
                r = in.read(next++);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (pool) {
                if (r.z().rows() < 1)
                    throw new IllegalArgumentException(source + (r.tensor() != null ? " tensor \"" + r.tensor() + "\"" : " response " + r.index())
                            + ": no valid rows, so no mean hidden state for --global");
                means.add(DatasetRank.meanRow(r.z(), r.index()));
            }
            pending.add(r);
            return r.z();
        }

        HiddenStateFile.Response nextLabel() {
            return pending.poll();
        }
    }
}
