package org.verl4j.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.verl4j.rank.CentredScatter;
import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankBatch;
import org.verl4j.rank.RankOptions;
import org.verl4j.rank.Truncation;
import org.verl4j.rank.WindowPoint;
import org.verl4j.rank.WindowSeries;
import scala.Option;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * ALGORITHM.md §4 over a cluster by aggregation, without collecting every z_i to the driver.
 * <pre>
 * driver:    per file (ordinal, rows, hidden sizes) → N, d, one-size check; the first min(N, d+1) z_i (take)
 *            N ≤ d+1: DatasetRank.ofPooled of those rows (the CLI's code), done
 * executors: z_i in input order, coalesced into P' contiguous partitions (ContiguousCoalescer),
 *            P' = min(P, max(1, ⌊N/(2d)⌋)) or min(P, --global-partitions);
 *            per partition (n_p, μ_p, R_p) about o = z_1, M2_p = R_pᵀR_p       (CentredScatter: Welford rows
 *                                                                              folded into R by Givens rotations)
 * driver:    streams the P' summaries in (one per job); exclusive prefixes by Chan merges, each broadcast;
 *            the total → σ(Zg) → global ER
 * executors: partition p fetches its own prefix, adds its rows one by one, and at each t = j·s &gt; d measures
 *            E_j from σ(R): the squared route on RᵀR, else the exact route on R  (WindowOutcome.pass)
 * driver:    windows t ≤ d from the first d+1 rows (the CLI's code, windows on all driver cores); E_1..E_K → ERV, ERA
 *            (DatasetRank.fromWindows: the §3 loop the CLI runs)
 * </pre>
 * <b>Cost</b> (8-byte doubles; N responses, F files, d hidden size, P' summary partitions, K = ⌊(N−1)/s⌋):
 * <pre>
 *                        before (collect Zg)        now
 * to the driver          N·d                        (d+1)·d  +  P'·(d(d+1)/2 + 2d)  +  F file shapes (bytes each)
 * from the driver        —                          P'·(d(d+1)/2 + 2d): prefix p broadcast, fetched by p's task only
 * driver work            K windows, each ≤ (4/3)d³  ⌊d/s⌋ windows of ≤ d+1 rows (Gram side) + one window of order d
 * executor work (extra)  —                          ≈ N·d²/2 Givens rotations + (K − ⌊d/s⌋)·(d³ for RᵀR + (4/3)d³) over P'
 *                                                   tasks (+ a bidiagonalisation where the squared route refuses)
 * nothing shuffled
 * </pre>
 * With P' ≤ N/(2d) the summaries are at most ≈ N·d/4 doubles (d(d+1)/2 each); a summary pays off only for a
 * partition of more than d/2 rows. The global ER alone is cheap at any N; the cumulative series is the expensive
 * part — K eigenproblems of order d, in parallel over only P' tasks, each on {@code spark.task.cpus} threads.
 *
 * <p><b>Rank-deficient z_i</b> (repeated responses, dead dimensions) are measured from R by the exact,
 * non-squaring route, like the CLI's fast path does from its rows. <b>Fallback.</b> Only a summary that is not
 * finite (z_i whose differences leave double's range; see {@link CentredScatter}) needs the rows: then every z_i
 * is collected (N·d doubles) and measured by {@link DatasetRank#ofPooled} — reported as {@link Route.Collected}.
 */
final class GlobalAggregation {

    /** How ALGORITHM.md §4 was computed. */
    sealed interface Route {
        /** One line for the job's standard error. */
        String summary();

        /** N ≤ d+1: every z_i (at most (d+1)·d doubles) collected and measured as the CLI does. */
        record Head(int rows) implements Route {
            public String summary() {
                return "--global over " + rows + " response(s) ≤ d+1: their mean rows collected";
            }
        }

        /** By summaries over {@code partitions} partitions, {@code headRows} z_i collected. */
        record Aggregated(int partitions, int headRows) implements Route {
            public String summary() {
                return "--global by aggregation over " + partitions + " summary partition(s); " + headRows + " mean row(s) collected";
            }
        }

        /** {@code refused} window(s) had a non-finite summary (the whole Zg counted as one); every z_i collected. */
        record Collected(int partitions, int refused, int rows) implements Route {
            public String summary() {
                return "--global: " + refused + " window summary(ies) not finite (mean rows beyond double's range); "
                        + "fell back to collecting all " + rows + " mean rows";
            }
        }
    }

    /** The metrics, Zg's d and the route taken. */
    record Result(DatasetRank rank, int d, Route route) {
    }

    private GlobalAggregation() {
    }

    /**
     * ALGORITHM.md §4 over the mean rows of {@code blocks} (one per file with responses; partitions and the files within
     * them in input order) with {@code global}'s stride and summary partitions.
     */
    static Result run(JavaSparkContext jsc, JavaRDD<MeanRows> blocks, MetricsJob.Global global, WindowSeries series) {
        int stride = global.stride();
        List<MeanRows.Shape> shapes = blocks.map(MeanRows::shape).collect();      // a few bytes per file
        if (shapes.isEmpty()) throw new IllegalArgumentException("--global: no response to pool");
        int d = shapes.get(0).sizes().get(0);
        long responses = 0;
        for (MeanRows.Shape f : shapes) {
            for (int size : f.sizes())
                if (size != d) throw new IllegalArgumentException(f.source() + ": hidden size " + size + " differs from " + d + " of "
                        + shapes.get(0).source() + "; --global pools responses of one hidden size");
            responses += f.rows();
        }
        int n = Math.toIntExact(responses);                                     // N
        List<double[]> head = blocks.flatMap(b -> b.z().iterator()).take(Math.min(n, d + 1));   // z_1 … z_min(N, d+1)
        if (n <= d + 1) return new Result(DatasetRank.ofPooled(stack(head, d), stride, series), d, new Route.Head(n));

        double[] origin = head.get(0);
        int partitions = Math.min(blocks.getNumPartitions(),                   // P' (coalescing cannot add partitions)
                global.summaryPartitions().orElse((int) Math.max(1, Math.min(Integer.MAX_VALUE, n / (2L * d)))));
        JavaRDD<MeanRows> runs = JavaRDD.fromRDD(blocks.rdd().coalesce(partitions, false,
                Option.apply(new ContiguousCoalescer()), null), blocks.classTag());
        List<Broadcast<CentredScatter>> prefixes = new ArrayList<>(partitions);
        try {
            CentredScatter total = prefixSums(jsc, runs, origin, prefixes);
            if (total.rows() != n) throw new IllegalStateException("summaries hold " + total.rows() + " rows, the files " + n);
            Optional<double[]> sigma = total.singularValues();                   // σ(Zg)
            if (sigma.isEmpty()) return collected(blocks, d, stride, series, partitions, 1);
            double[] e = new double[(n - 1) / stride];                          // E_1..E_K
            int refused = windowErs(runs, prefixes, stack(head, d), stride, e);
            if (refused > 0) return collected(blocks, d, stride, series, partitions, refused);
            return new Result(DatasetRank.fromWindows(n, stride, sigma.get(), e, series), d, new Route.Aggregated(partitions, head.size()));
        } finally {
            for (Broadcast<CentredScatter> b : prefixes) b.destroy();
        }
    }

    /**
     * Fills E_j = ER(Zg[0..j·s]) for j = 1..K into {@code e}: t ≤ d from the first d+1 rows on the driver (the CLI's
     * own code), t &gt; d on the executors from the prefixes. Returns how many windows had no finite summary.
     */
    private static int windowErs(JavaRDD<MeanRows> runs, List<Broadcast<CentredScatter>> prefixes, HiddenStates head,
                                 int stride, double[] e) {
        boolean[] filled = new boolean[e.length];
        List<WindowPoint> headWindows = RankBatch.measureAll(List.of(head), new RankOptions(stride, head.rows(), Truncation.NONE),
                WindowSeries.KEEP, Runtime.getRuntime().availableProcessors()).get(0).windows();   // t = j·s ≤ d, windows in parallel
        for (int j = 1; j <= headWindows.size(); j++) {
            e[j - 1] = headWindows.get(j - 1).er();
            filled[j - 1] = true;
        }
        List<WindowOutcome> windows = runs.mapPartitionsWithIndex((p, rows) ->
                WindowOutcome.pass(prefixes.get(p).value(), rows, stride, TaskContext.get().cpus()).iterator(), false).collect();
        int refused = 0;
        for (WindowOutcome w : windows) {
            if (w instanceof WindowOutcome.Measured m) e[m.j() - 1] = m.er();
            else refused++;
            filled[w.j() - 1] = true;
        }
        for (int j = 1; j <= e.length; j++)
            if (!filled[j - 1]) throw new IllegalStateException("window " + j + " of " + e.length + " was measured by no partition");
        return refused;
    }

    /**
     * The exclusive prefix summaries, one broadcast per partition of {@code runs} (appended to {@code prefixes}; each
     * task reads only its own), and the summary of everything. The partition summaries are computed in one parallel
     * job, kept by the executors and streamed to the driver one at a time (never all P' in one result).
     */
    private static CentredScatter prefixSums(JavaSparkContext jsc, JavaRDD<MeanRows> runs, double[] origin,
                                             List<Broadcast<CentredScatter>> prefixes) {
        JavaRDD<PartitionScatter> summaries = runs.mapPartitions(it -> List.of(PartitionScatter.of(it, origin)).iterator())
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            summaries.count();                                                  // all partitions at once
            CentredScatter total = CentredScatter.about(origin);
            int lastOrdinal = -1;
            for (Iterator<PartitionScatter> it = summaries.toLocalIterator(); it.hasNext(); ) {
                PartitionScatter p = it.next();
                if (p.first() >= 0 && p.first() <= lastOrdinal)
                    throw new IllegalStateException("summary partitions out of input order: file " + p.first() + " after " + lastOrdinal);
                if (p.last() >= 0) lastOrdinal = p.last();
                prefixes.add(jsc.broadcast(total.copy()));                      // summary of every row before p
                total.merge(p.scatter());                                       // Chan
            }
            return total;
        } finally {
            summaries.unpersist(false);
        }
    }

    /** The fallback: Zg collected in input order (N·d doubles) and measured by the rows. */
    private static Result collected(JavaRDD<MeanRows> blocks, int d, int stride, WindowSeries series, int partitions,
                                    int refused) {
        List<MeanRows> all = new ArrayList<>(blocks.collect());
        all.sort((a, b) -> Integer.compare(a.ordinal(), b.ordinal()));
        List<double[]> rows = new ArrayList<>();
        for (MeanRows b : all) rows.addAll(b.z());
        return new Result(DatasetRank.ofPooled(stack(rows, d), stride, series), d, new Route.Collected(partitions, refused, rows.size()));
    }

    /** The rows stacked into an n×d matrix. */
    private static HiddenStates stack(List<double[]> rows, int d) {
        double[] zg = new double[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, zg, i * d, d);
        return new HiddenStates(rows.size(), d, zg);
    }

}
