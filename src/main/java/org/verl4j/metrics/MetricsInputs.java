package org.verl4j.metrics;

import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankBatch;
import org.verl4j.rank.RankOptions;
import org.verl4j.rank.WindowSeries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The inputs of {@code verl4j metrics}, opened and validated (headers, shapes, lengths) before any output is
 * written, and measured as one stream: ER / ERV / ERA per response (ALGORITHM.md §2–§3), then optionally the
 * dataset-level line (§4). One batch response is read at a time and at most about 2·threads are in flight.
 */
public final class MetricsInputs implements AutoCloseable {

    private final List<ResponseInput> opened;

    private MetricsInputs(List<ResponseInput> opened) {
        this.opened = opened;
    }

    /**
     * Opens every hidden-state file (.npy or .safetensors, in order) under {@code rule}, and pairs each
     * {@code lengths} file (a 1-D integer .npy) with the batch inputs N×T×d in order; any problem is one error naming
     * the file, and nothing stays open.
     */
    public static MetricsInputs open(List<Path> inputs, List<Path> lengths, ResponseInput.Lengths rule) throws IOException {
        if (!lengths.isEmpty() && rule instanceof ResponseInput.FromPadding)
            throw new IllegalArgumentException("give either --lengths or --lengths-from-padding, not both");
        List<ResponseInput> opened = new ArrayList<>();
        try {
            List<ResponseInput.Npy> batches = new ArrayList<>();
            for (Path p : inputs) {
                if (Files.isDirectory(p))
                    throw new IllegalArgumentException(p + ": is a directory; give its files (e.g. " + p.resolve("*.npy")
                            + "); the Spark job reads directories");
                if (!Files.isRegularFile(p)) throw new IllegalArgumentException(p + ": no such file");
                ResponseInput in = ResponseInput.open(p, p.toString(), rule);
                opened.add(in);
                if (in instanceof ResponseInput.Npy npy && npy.isBatch()) batches.add(npy);
            }
            if (!lengths.isEmpty()) {
                if (lengths.size() != batches.size())
                    throw new IllegalArgumentException(lengths.size() + " --lengths file(s) for " + batches.size()
                            + " batch input(s) N×T×d; give one per batch, in input order");
                for (int b = 0; b < batches.size(); b++) {
                    if (!Files.isRegularFile(lengths.get(b))) throw new IllegalArgumentException(lengths.get(b) + ": no such file");
                    batches.get(b).useLengths(lengths.get(b));
                }
            }
            return new MetricsInputs(opened);
        } catch (IOException | RuntimeException e) {
            for (ResponseInput in : opened) in.close();
            throw e;
        }
    }

    /**
     * Writes one JSON line per response ({@link MetricsJson}) and, when {@code globalStride} is present, the
     * {@code {"global": …}} line over the responses' mean rows; {@code threads} ≥ 1 workers.
     */
    public void measure(RankOptions options, WindowSeries series, OptionalInt globalStride, int threads, Writer out)
            throws IOException {
        if (threads < 1) throw new IllegalArgumentException("--threads must be ≥ 1, got " + threads);
        ResponseStream stream = new ResponseStream(opened,
                globalStride.isPresent() ? ResponseStream.Pooling.MEAN_ROWS : ResponseStream.Pooling.NONE);
        MetricsJson json = new MetricsJson(out, series);
        try {
            RankBatch.measureStream(stream, options, series, threads, r -> {
                try {
                    json.response(stream.nextLabel(), r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (globalStride.isPresent()) {
            HiddenStates zg = stream.pooled();
            json.global(DatasetRank.ofPooled(zg, globalStride.getAsInt(), series), zg.cols());
        }
    }

    @Override
    public void close() throws IOException {
        for (ResponseInput in : opened) in.close();
    }
}
