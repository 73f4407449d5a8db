package org.verl4j.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.verl4j.rank.CentredScatter;
import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankDynamics;
import org.verl4j.rank.RankOptions;
import org.verl4j.rank.Truncation;
import org.verl4j.rank.WindowPoint;
import org.verl4j.rank.WindowSeries;
import scala.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spec §4 over a cluster by aggregation, without collecting every z_i to the driver.
 * <pre>
 * driver:    the first min(N, d+1) z_i  (take)                  N ≤ d+1: DatasetRank.ofPooled of them, done
 * executors: z_i in input order, coalesced into P' contiguous partitions, P' = min(P, max(1, ⌊N/(2d)⌋));
 *            per partition (n_p, μ_p, M2_p) about o = z_1            (CentredScatter, Welford)
 * driver:    collects the P' summaries; exclusive prefixes by Chan merges; their total → σ(Zg) → global ER
 * executors: partition p from its own prefix adds its rows one by one; at each t = j·s &gt; d, E_j from √λ(M2)
 * driver:    windows t ≤ d from the first d+1 rows (RankDynamics, as the CLI); E_1..E_K → ERV, ERA
 *            (DatasetRank.fromWindows: the §3 loop the CLI runs)
 * </pre>
 * <b>Cost</b> (doubles; N responses, d hidden size, P' summary partitions, K = ⌊(N−1)/s⌋ windows):
 * <pre>
 *                       before (collect Zg)        now
 * collected to driver   N·d                        (d+1)·d  +  P'·(d(d+1)/2 + 2d)
 * sent to executors     —                          P'·(d(d+1)/2 + 2d)   (each task its own prefix, zipPartitions)
 * driver work           K·(4/3)d³ (every window)   ⌊d/s⌋ head windows (Gram side, ≤ d⁴/(4s)) + one d³ (global ER)
 * executor work         the per-file metrics       + N·d²/2 (Welford) + (K − ⌊d/s⌋)·(4/3)d³ in P' tasks
 * </pre>
 * P' ≤ N/(2d) keeps the summaries at most half of Zg's N·d: d(d+1)/2 per partition pays off only for more than
 * d/2 rows per partition. The global ER alone is cheap at any N; the cumulative series is the expensive part
 * (K eigenproblems of order d, parallel over only P' tasks).
 *
 * <p><b>Fallback.</b> Where the squared route refuses a window with t &gt; d or the whole of Zg (rank-deficient
 * z_i, entries out of range; see {@link CentredScatter}), the exact route needs the rows: every z_i is collected
 * (N·d doubles) and measured by {@link DatasetRank#ofPooled}, as before — reported as {@link Route.Collected}.
 */
final class GlobalAggregation {

    /** How spec §4 was computed. */
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

        /** The squared route refused {@code refused} window(s) (the whole Zg counted as one); every z_i collected. */
        record Collected(int partitions, int refused, int rows) implements Route {
            public String summary() {
                return "--global: the squared route refused " + refused + " window(s) (rank-deficient or out-of-range mean rows); "
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
     * Spec §4 over the mean rows of {@code blocks} (one per file with responses; partitions and the files within
     * them in input order) with stride {@code stride}.
     */
    static Result run(JavaSparkContext jsc, JavaRDD<MeanRows> blocks, int stride, WindowSeries series) {
        List<MeanRows> firstBlock = blocks.take(1);
        if (firstBlock.isEmpty()) throw new IllegalArgumentException("--global: no response to pool");
        int d = firstBlock.get(0).z().get(0).length;
        String first = firstBlock.get(0).source();
        checkHiddenSize(blocks, d, first);
        List<double[]> head = blocks.flatMap(b -> b.z().iterator()).take(d + 1);   // z_1 … z_min(N, d+1)
        if (head.size() <= d) return new Result(DatasetRank.ofPooled(stack(head, d), stride, series), d, new Route.Head(head.size()));

        double[] origin = head.get(0);
        long estimate = blocks.map(b -> (long) b.z().size()).reduce(Long::sum);
        int partitions = (int) Math.max(1, Math.min(blocks.getNumPartitions(), estimate / (2L * d)));   // P'
        JavaRDD<MeanRows> runs = JavaRDD.fromRDD(blocks.rdd().coalesce(partitions, false,
                Option.apply(new ContiguousCoalescer()), null), blocks.classTag());
        List<PartitionScatter> summaries = runs.mapPartitions(it -> List.of(PartitionScatter.of(it, origin)).iterator()).collect();
        List<CentredScatter> prefixes = new ArrayList<>(summaries.size());
        CentredScatter total = CentredScatter.about(origin);
        int lastOrdinal = -1;
        for (PartitionScatter p : summaries) {
            if (p.first() >= 0 && p.first() <= lastOrdinal)
                throw new IllegalStateException("summary partitions out of input order: file " + p.first() + " after " + lastOrdinal);
            if (p.last() >= 0) lastOrdinal = p.last();
            prefixes.add(total.copy());                                        // summary of every row before p
            total.merge(p.scatter());                                          // Chan
        }
        int n = Math.toIntExact(total.rows());
        if (n == d + 1) return new Result(DatasetRank.ofPooled(stack(head, d), stride, series), d, new Route.Head(n));

        Optional<double[]> sigma = total.singularValues();                       // σ(Zg)
        if (sigma.isEmpty()) return collected(blocks, d, stride, series, partitions, 1);
        int k = (n - 1) / stride;                                               // K
        double[] e = new double[k];
        boolean[] filled = new boolean[k];
        List<WindowPoint> headWindows = RankDynamics.measure(stack(head, d), new RankOptions(stride, d + 1, Truncation.NONE),
                WindowSeries.KEEP).windows();                                   // t = j·s ≤ d: the CLI's own code
        for (int j = 1; j <= headWindows.size(); j++) {
            e[j - 1] = headWindows.get(j - 1).er();
            filled[j - 1] = true;
        }
        List<WindowOutcome> windows = jsc.parallelize(prefixes, partitions)
                .zipPartitions(runs, (prefix, rows) -> WindowOutcome.pass(prefix.next(), rows, stride).iterator())
                .collect();
        int refused = 0;
        for (WindowOutcome w : windows) {
            if (w instanceof WindowOutcome.Measured m) e[m.j() - 1] = m.er();
            else refused++;
            filled[w.j() - 1] = true;
        }
        for (int j = 1; j <= k; j++)
            if (!filled[j - 1]) throw new IllegalStateException("window " + j + " of " + k + " was measured by no partition");
        if (refused > 0) return collected(blocks, d, stride, series, partitions, refused);
        return new Result(DatasetRank.fromWindows(n, stride, sigma.get(), e, series), d, new Route.Aggregated(partitions, head.size()));
    }

    /** One file whose responses have another hidden size than the first file's is an error naming both. */
    private static void checkHiddenSize(JavaRDD<MeanRows> blocks, int d, String first) {
        List<MeanRows> other = blocks.filter(b -> b.z().stream().anyMatch(z -> z.length != d)).take(1);
        if (other.isEmpty()) return;
        int size = other.get(0).z().stream().filter(z -> z.length != d).findFirst().orElseThrow().length;
        throw new IllegalArgumentException(other.get(0).source() + ": hidden size " + size + " differs from " + d + " of " + first
                + "; --global pools responses of one hidden size");
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
