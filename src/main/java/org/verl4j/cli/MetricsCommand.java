package org.verl4j.cli;

import org.verl4j.io.AtomicFile;
import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankBatch;
import org.verl4j.rank.RankOptions;
import org.verl4j.rank.WindowSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * {@code verl4j metrics}: hidden states in (.npy or .safetensors, from any framework), ER / ERV / ERA out as JSON
 * Lines (spec §2–§4). Streams: one batch response is read at a time and at most about 2·threads are in flight.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Effective Rank (ER), its velocity (ERV) and acceleration (ERA) of hidden states (spec §2-§4).",
                "",
                "Inputs: .npy T×d (one response) or N×T×d (a batch, float16/32/64, C or Fortran order; every response "
                        + "has all T rows unless --lengths or --lengths-from-padding says otherwise); .safetensors with "
                        + "one floating T×d tensor per response (the output names the tensor).",
                "",
                "Output: JSON Lines, one object per response (source, index, T, d, er, log_er, traditional_rank, erv, "
                        + "era, erv_measured, era_measured, and windows with --windows), then {\"global\": {...}} with --global.",
                ""})
public final class MetricsCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Hidden-state files (.npy, .safetensors), read in order.")
    List<Path> inputs;

    @Option(names = "--lengths", paramLabel = "FILE.npy",
            description = "Valid lengths (1-D integer .npy, N entries in [0, T]) of a batch input; repeat it for several batches, in input order.")
    List<Path> lengths = new ArrayList<>();

    @Mixin
    MetricsOptions measure;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors, ${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON Lines to FILE (atomically) instead of standard output."
            + OutputTarget.HELP_NOTE)
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        RankOptions options = measure.rankOptions();
        OptionalInt globalStride = measure.globalStride();
        if (threads < 1) throw new IllegalArgumentException("--threads must be ≥ 1, got " + threads);
        ResponseInput.Lengths rule = measure.rowRule();
        if (!lengths.isEmpty() && rule instanceof ResponseInput.FromPadding)
            throw new IllegalArgumentException("give either --lengths or --lengths-from-padding, not both");
        List<Path> read = new ArrayList<>(inputs);
        read.addAll(lengths);
        OutputTarget.refuseInputs("--out", out, read);
        List<ResponseInput> opened = open(rule);
        try {
            if (out != null) {
                AtomicFile.write(out, stream -> {
                    Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                    measure(opened, options, globalStride, w);
                    w.flush();
                });
            } else {
                Writer w = spec.commandLine().getOut();
                measure(opened, options, globalStride, w);
                w.flush();
            }
        } finally {
            for (ResponseInput in : opened) in.close();
        }
        return 0;
    }

    private void measure(List<ResponseInput> inputs, RankOptions options, OptionalInt globalStride, Writer w) throws IOException {
        ResponseStream stream = new ResponseStream(inputs, measure.pooling());
        WindowSeries series = measure.windowSeries();
        MetricsJson json = new MetricsJson(w, series);
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

    /** Opens and validates every input (headers, shapes, lengths) before any output is written. */
    private List<ResponseInput> open(ResponseInput.Lengths rule) throws IOException {
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
            return opened;
        } catch (IOException | RuntimeException e) {
            for (ResponseInput in : opened) in.close();
            throw e;
        }
    }
}
