package org.verl4j.metrics;

import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.HiddenStates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The responses of all inputs, in order, as {@link HiddenStates} for {@code RankBatch.measureStream}. Reads one
 * response per {@link #next()} and remembers its label, so results (which come back in input order) can be
 * matched with {@link #nextLabel()}. Non-finite values are reported with the file, response, row and column.
 * With {@link Pooling#MEAN_ROWS}, it also keeps each response's mean row z_i (ALGORITHM.md §4) for the dataset-level
 * metrics. {@link MetricsInputs} and the Spark metrics job (each file on an executor) stream through it.
 */
public final class ResponseStream implements Iterator<HiddenStates> {

    /** Whether the stream keeps each response's mean row z_i (for {@code --global}, ALGORITHM.md §4). */
    public enum Pooling { NONE, MEAN_ROWS }

    /** Which response a result belongs to. */
    public record Label(String source, int index, String tensor, int rows, int cols) {
    }

    private final List<ResponseInput> inputs;
    private final ArrayDeque<Label> pending = new ArrayDeque<>();
    private final List<double[]> means;
    private int input, k, pooledCols = -1;

    public ResponseStream(List<ResponseInput> inputs, Pooling pooling) {
        this.inputs = inputs;
        this.means = pooling == Pooling.MEAN_ROWS ? new ArrayList<>() : null;
    }

    @Override
    public boolean hasNext() {
        while (input < inputs.size() && k >= inputs.get(input).count()) {
            input++;
            k = 0;
        }
        return input < inputs.size();
    }

    @Override
    public HiddenStates next() {
        if (!hasNext()) throw new NoSuchElementException();
        ResponseInput in = inputs.get(input);
        ResponseInput.Response r;
        try {
            r = in.read(k++);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String where = r.source() + (r.tensor() != null ? " tensor \"" + r.tensor() + "\"" : " response " + r.index());
        HiddenStates z;
        try {
            z = new HiddenStates(r.rows(), r.cols(), r.values());
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(where + ": " + invalid.getMessage(), invalid);
        }
        if (means != null) pool(z, where);
        pending.add(new Label(r.source(), r.index(), r.tensor(), r.rows(), r.cols()));
        return z;
    }

    private void pool(HiddenStates z, String where) {
        if (pooledCols >= 0 && z.cols() != pooledCols)
            throw new IllegalArgumentException(where + ": hidden size " + z.cols() + " differs from the first response's "
                    + pooledCols + "; --global pools responses of one hidden size");
        pooledCols = z.cols();
        if (z.rows() < 1) throw new IllegalArgumentException(where + ": no valid rows, so no mean hidden state for --global");
        means.add(DatasetRank.meanRow(z, means.size()));
    }

    /** The label of the oldest response whose result has not been matched yet. */
    public Label nextLabel() {
        Label l = pending.poll();
        if (l == null) throw new IllegalStateException("more results than responses read");
        return l;
    }

    /** z_i of every response read so far, in input order (empty under {@link Pooling#NONE}). */
    public List<double[]> meanRows() {
        return means == null ? List.of() : List.copyOf(means);
    }

    /** Zg: the mean rows of every response read, N×d in input order (ALGORITHM.md §4). */
    HiddenStates pooled() {
        if (means == null || means.isEmpty()) {
            List<String> sources = new ArrayList<>();
            for (ResponseInput in : inputs) sources.add(in.source() + " (" + in.count() + " responses)");
            throw new IllegalArgumentException("--global needs at least one response, but " + String.join(", ", sources)
                    + " hold none: an empty batch has no dataset-level metrics");
        }
        double[] zg = new double[means.size() * pooledCols];
        for (int i = 0; i < means.size(); i++) System.arraycopy(means.get(i), 0, zg, i * pooledCols, pooledCols);
        return new HiddenStates(means.size(), pooledCols, zg);
    }
}
