package org.verl4j.cli.bench;

import org.verl4j.bench.Anchor;
import org.verl4j.bench.Timing;
import org.verl4j.bench.SyntheticHiddenStates;
import org.verl4j.io.DType;
import org.verl4j.io.NpyWriter;
import org.verl4j.rank.ResponseRank;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankBatch;
import org.verl4j.rank.RankDynamics;
import org.verl4j.rank.RankOptions;
import org.verl4j.rank.SpectrumMethod;
import org.verl4j.rank.SvdRank;
import org.verl4j.rank.Truncation;
import org.verl4j.rank.WindowSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code verl4j bench rank}: ER + ERV + ERA timings on deterministic hidden-state-like data
 * ({@link SyntheticHiddenStates}) against the anchors of {@code docs/PERFORMANCE.md} ({@link Anchor#RANK_BATCH},
 * {@link Anchor#RANK_LONG}: the authors' best path per case, rerun on this machine kind). The spot check compares {@code --method} with {@link SvdRank}, the definition.
 */
@Command(name = "rank", mixinStandardHelpOptions = true,
        description = "Times ER/ERV/ERA: a T×d grid (per response, 1 thread), the 64×512×896 batch and one"
                + " 1536×128 response, and spot-checks exactness against a plain SVD.")
public final class RankBenchCommand implements Runnable {

    @Option(names = "--method", description = "How σ is computed: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SpectrumMethod method = SpectrumMethod.DEFAULT;

    @Option(names = "--threads", description = "Worker threads for the batch (default: available processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--repeats", description = "Timed runs per case; the median is reported (default: 3).")
    int repeats = 3;

    @Option(names = "--quick", description = "A smaller grid and one run of the batch (a smoke test).")
    boolean quick;

    @Option(names = "--cell", paramLabel = "TxD", split = ",",
            description = "Time only these grid cells (e.g. 1536x1536,512x896), 1 thread; skips the batch,"
                    + " the long response and the spot check.")
    List<String> cells = new ArrayList<>();

    @Option(names = "--write-batch", paramLabel = "FILE",
            description = "Only write the bench's batch (64 × 512 × 896, float32 .npy, 117 MB) to FILE, e.g. to time"
                    + " a one-off 'metrics FILE' against the in-process figure.")
    Path writeBatch;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (threads < 1) throw new IllegalArgumentException("--threads must be ≥ 1, got " + threads);
        if (repeats < 1) throw new IllegalArgumentException("--repeats must be ≥ 1, got " + repeats);
        PrintWriter out = spec.commandLine().getOut();
        if (writeBatch != null) {
            write(writeBatch);
            out.printf("wrote the 64 × 512 × 896 bench batch to %s%n", writeBatch);
            out.flush();
            return;
        }
        RankOptions options = new RankOptions(40, 512, Truncation.TAIL, method);
        out.printf("verl4j bench rank: method %s, threads %d, repeats %d, Java %s, %d processors%n",
                method, threads, repeats, Runtime.version(), Runtime.getRuntime().availableProcessors());
        HiddenStates warm = SyntheticHiddenStates.generate(512, 896, 99);                 // JIT warm-up of both
        HiddenStates warmLong = SyntheticHiddenStates.generate(1536, 128, 98);            // sides (Gram, scatter)
        for (int i = 0; i < 5; i++) ResponseRank.measure(warm, options);
        for (int i = 0; i < 10; i++) ResponseRank.measure(warmLong, options.withTruncation(Truncation.NONE));
        out.println();
        out.println("| case | median wall | median CPU | anchor (authors' best path, PyTorch fp32) | speed-up (wall) |");
        out.println("|---|---|---|---|---|");

        int[] ts = quick ? new int[]{256, 512} : new int[]{256, 512, 1024, 1536};
        int[] ds = quick ? new int[]{128, 896} : new int[]{128, 896, 1536};
        List<int[]> grid = new ArrayList<>();
        for (String cell : cells) grid.add(parseCell(cell));
        if (cells.isEmpty()) for (int t : ts) for (int d : ds) grid.add(new int[]{t, d});
        for (int[] cell : grid) {
            int t = cell[0], d = cell[1];
            HiddenStates z = SyntheticHiddenStates.generate(t, d, 1000L * t + d);
            Timing timing = Timing.median(() -> ResponseRank.measure(z, options), repeats);
            out.printf("| one response T %d × d %d, s 40, M 512, 1 thread | %.1f ms | %.1f ms | | |%n",
                    t, d, timing.wallSeconds() * 1e3, timing.cpuSeconds() * 1e3);
            out.flush();
        }
        if (!cells.isEmpty()) return;

        List<HiddenStates> batch = batch();
        int batchRuns = quick ? 1 : Math.max(3, repeats);
        Timing b = Timing.median(() -> RankBatch.measureAll(batch, options, WindowSeries.DROP, threads), batchRuns);
        out.printf("| batch 64 × 512 × 896, s 40, M 512, %d threads (median of %d) | %.2f s | %.2f s | %.1f s (Gram path) | %.1f× |%n",
                threads, batchRuns, b.wallSeconds(), b.cpuSeconds(), Anchor.RANK_BATCH.value(), Anchor.RANK_BATCH.value() / b.wallSeconds());
        batch.clear();
        out.flush();

        HiddenStates long1 = SyntheticHiddenStates.generate(1536, 128, 7);
        RankOptions none = options.withTruncation(Truncation.NONE);
        int longRuns = Math.max(5, repeats);
        for (int n : threads > 1 ? new int[]{1, threads} : new int[]{1}) {
            Timing l = Timing.median(() -> RankBatch.measureAll(List.of(long1), none, WindowSeries.DROP, n), longRuns);
            out.printf("| one response 1536 × 128, no truncation, %d thread%s | %.1f ms | %.1f ms | %.2f s (SVD path) | %.0f× |%n",
                    n, n == 1 ? "" : "s", l.wallSeconds() * 1e3, l.cpuSeconds() * 1e3, Anchor.RANK_LONG.value(),
                    Anchor.RANK_LONG.value() / l.wallSeconds());
        }

        double worst = 0;
        worst = Math.max(worst, deviationFromDefinition(SyntheticHiddenStates.generate(300, 96, 11), options));
        worst = Math.max(worst, deviationFromDefinition(SyntheticHiddenStates.generate(200, 256, 12), options));
        worst = Math.max(worst, deviationFromDefinition(SyntheticHiddenStates.generate(700, 64, 13), options));
        out.printf("%nspot check against SvdRank, an EJML SVD of every centred window (300×96, 200×256, 700×64 with"
                + " a tail cut): max relative deviation %.1e%n", worst);
        out.printf("CPU = process CPU time (all threads, JIT and GC included); on a shared machine wall times"
                + " also carry other processes' load.%n");
        out.flush();
    }

    /** The batch: 64 responses of T 512 × d 896, response i from seed i. */
    static List<HiddenStates> batch() {
        List<HiddenStates> batch = new ArrayList<>();
        for (int i = 0; i < 64; i++) batch.add(SyntheticHiddenStates.generate(512, 896, i));
        return batch;
    }

    /** The batch as one float32 array (64, 512, 896); its values are float32 already, so nothing is rounded. */
    private static void write(Path file) {
        List<HiddenStates> batch = batch();
        double[] all = new double[64 * 512 * 896];
        for (int i = 0; i < batch.size(); i++) System.arraycopy(batch.get(i).data(), 0, all, i * 512 * 896, 512 * 896);
        try {
            NpyWriter.writeDoubles(file, DType.F32, new long[]{64, 512, 896}, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The largest relative deviation of {@code options.method()} from the definition ({@link SvdRank}): ER, each
     * window's ER, ERV and ERA (the last two relative to the larger of themselves and the windows' mean ER).
     */
    static double deviationFromDefinition(HiddenStates z, RankOptions options) {
        RankDynamics fast = ResponseRank.measure(z, options, WindowSeries.KEEP);
        RankDynamics exact = SvdRank.measure(z, options, WindowSeries.KEEP);
        double worst = relative(fast.er(), exact.er(), 0), meanEr = 0;
        for (int j = 0; j < exact.windows().size(); j++) {
            double e = exact.windows().get(j).er();
            meanEr += e / exact.windows().size();
            worst = Math.max(worst, relative(fast.windows().get(j).er(), e, 0));
        }
        worst = Math.max(worst, relative(fast.erv(), exact.erv(), meanEr));
        return Math.max(worst, relative(fast.era(), exact.era(), meanEr));
    }

    private static double relative(double a, double b, double scale) {
        return a == b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), Math.abs(scale));
    }

    /** "TxD" (or "T×D") → {T, D}. */
    private static int[] parseCell(String cell) {
        String[] parts = cell.trim().split("[x×]");
        try {
            if (parts.length == 2) {
                int t = Integer.parseInt(parts[0]), d = Integer.parseInt(parts[1]);
                if (t >= 2 && d >= 1) return new int[]{t, d};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--cell must look like 1536x1536 (T ≥ 2, d ≥ 1), got '" + cell + "'");
    }
}
