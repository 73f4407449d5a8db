package org.verl4j.cli;

import org.verl4j.commandline.OutputTarget;
import org.verl4j.commandline.MetricsOptions;
import org.verl4j.io.AtomicFile;
import org.verl4j.metrics.MetricsInputs;
import org.verl4j.rank.RankOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * {@code verl4j metrics}: hidden states in (.npy or .safetensors, from any framework), ER / ERV / ERA out as JSON
 * Lines (ALGORITHM.md §2–§4), by {@link MetricsInputs}.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Effective Rank (ER), its velocity (ERV) and acceleration (ERA) of hidden states (docs/ALGORITHM.md §2-§4).",
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
        List<Path> read = new ArrayList<>(inputs);
        read.addAll(lengths);
        OutputTarget.refuseInputs("--out", out, read);
        try (MetricsInputs opened = MetricsInputs.open(inputs, lengths, measure.rowRule())) {
            if (out != null) {
                AtomicFile.write(out, stream -> {
                    Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                    opened.measure(options, measure.windowSeries(), globalStride, threads, w);
                    w.flush();
                });
            } else {
                Writer w = spec.commandLine().getOut();
                opened.measure(options, measure.windowSeries(), globalStride, threads, w);
                w.flush();
            }
        }
        return 0;
    }
}
