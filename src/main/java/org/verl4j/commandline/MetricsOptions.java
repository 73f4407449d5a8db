package org.verl4j.commandline;

import org.verl4j.metrics.ResponseInput;
import org.verl4j.metrics.ResponseStream;
import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.RankOptions;
import org.verl4j.rank.Truncation;
import org.verl4j.rank.WindowSeries;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * What to measure and how (ALGORITHM.md §2–§4): the options shared, as a picocli mixin, by {@code verl4j metrics} and the
 * Spark metrics job, each turned into the library's own setting here, once. Defaults come from
 * {@link RankOptions#DEFAULTS} and {@link DatasetRank#DEFAULT_STRIDE}.
 */
public final class MetricsOptions {

    @Option(names = "--lengths-from-padding", paramLabel = "VALUE",
            description = "Trailing rows whose values all equal VALUE (a number or nan) are padding; earlier rows equal to VALUE stay data.")
    String paddingValue;

    @Option(names = "--stride", paramLabel = "s", description = "Window stride s (default ${DEFAULT-VALUE}).")
    int stride = RankOptions.DEFAULTS.stride();

    @Option(names = "--max-len", paramLabel = "M", description = "Truncation length M for ERV/ERA (default ${DEFAULT-VALUE}).")
    int maxLen = RankOptions.DEFAULTS.maxLen();

    @Option(names = "--truncate", paramLabel = "tail|head|none",
            description = "Which M rows ERV/ERA keep when T > M (default ${DEFAULT-VALUE}); ER always uses every row.")
    String truncate = RankOptions.DEFAULTS.truncation().name().toLowerCase(Locale.ROOT);

    @Option(names = "--global", description = "Also the dataset-level metrics of docs/ALGORITHM.md §4 over all responses.")
    boolean global;

    @Option(names = "--global-stride", paramLabel = "s", description = "Stride over the response axis for --global (default ${DEFAULT-VALUE}).")
    int globalStride = DatasetRank.DEFAULT_STRIDE;

    @Option(names = "--windows", description = "Include the per-window series {end, er, v, a} (v, a null where undefined).")
    boolean windows;

    /** s, M and the truncation, validated. */
    public RankOptions rankOptions() {
        return new RankOptions(stride, maxLen, truncation());
    }

    /** {@code --lengths-from-padding VALUE}, else every row counts. */
    public ResponseInput.Lengths rowRule() {
        return paddingValue != null ? new ResponseInput.FromPadding(parsePadding(paddingValue)) : new ResponseInput.AllRows();
    }

    /** Whether the per-window series is kept ({@code --windows}). */
    public WindowSeries windowSeries() {
        return windows ? WindowSeries.KEEP : WindowSeries.DROP;
    }

    /** Whether each response's mean row z_i is kept for ALGORITHM.md §4 ({@code --global}). */
    public ResponseStream.Pooling pooling() {
        return global ? ResponseStream.Pooling.MEAN_ROWS : ResponseStream.Pooling.NONE;
    }

    /** The stride over the response axis under {@code --global} (validated ≥ 1), empty without it. */
    public OptionalInt globalStride() {
        if (!global) return OptionalInt.empty();
        if (globalStride < 1) throw new IllegalArgumentException("--global-stride must be ≥ 1, got " + globalStride);
        return OptionalInt.of(globalStride);
    }

    private Truncation truncation() {
        try {
            return Truncation.valueOf(truncate.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("--truncate must be tail, head or none, got \"" + truncate + "\"");
        }
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
