package org.verl4j.spark;

import org.verl4j.rank.CentredScatter;
import org.verl4j.rank.EffectiveRank;
import org.verl4j.rank.fast.Await;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * One window W_j = Zg[0..j·s] of ALGORITHM.md §4's cumulative series measured on an executor from the running scatter:
 * its ER, or a refusal where its summary is not finite (then the series needs Zg's rows).
 */
sealed interface WindowOutcome extends Serializable permits WindowOutcome.Measured, WindowOutcome.Refused {

    /** j, the window's index (1-based; it ends at row t = j·s). */
    int j();

    /** E_j = ER(W_j). */
    record Measured(int j, double er) implements WindowOutcome {
    }

    /** W_j's summary is not finite ({@link CentredScatter#singularValues} empty). */
    record Refused(int j) implements WindowOutcome {
    }

    /**
     * The executor's pass over one partition: starting from the summary of every row before it ({@code prefix}),
     * adds its rows in order (Welford) and measures each window t = j·s that ends inside it with t &gt; d; the
     * windows t ≤ d have at most d+1 rows and are the driver's (from the first d+1 rows).
     * <pre>
     * for each row z_t (t = prefix.rows(), …):   S ← S + z_t    (n, μ, M2 of Zg[0..t])
     *     t = j·s, t &gt; d:                        E_j = ER from σ(R), M2 = RᵀR      ≈ (7/3)d³ per window
     * </pre>
     * With {@code threads} &gt; 1 (the task's {@code spark.task.cpus}) the windows' eigenproblems run on that many
     * threads, each on its own copy of S (at most 2·threads copies in flight); the outcomes are the same, in order.
     */
    static List<WindowOutcome> pass(CentredScatter prefix, Iterator<MeanRows> blocks, int stride, int threads) {
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemon()) : null;
        try {
            CentredScatter s = prefix.copy();
            int d = s.cols();
            List<Future<WindowOutcome>> futures = new ArrayList<>();
            List<WindowOutcome> out = new ArrayList<>();
            while (blocks.hasNext()) {
                for (double[] z : blocks.next().z()) {
                    long t = s.rows();
                    s.add(z);                                              // S = summary of Zg[0..t]
                    if (t <= d || t % stride != 0) continue;
                    int j = Math.toIntExact(t / stride);
                    if (pool == null) {
                        out.add(measure(s, j));
                        continue;
                    }
                    CentredScatter snapshot = s.copy();
                    futures.add(pool.submit(() -> measure(snapshot, j)));
                    if (futures.size() - out.size() > 2 * threads) out.add(Await.result(futures.get(out.size())));
                }
            }
            while (out.size() < futures.size()) out.add(Await.result(futures.get(out.size())));
            return out;
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    /** E_j of the window summarised by {@code s}, or its refusal. */
    private static WindowOutcome measure(CentredScatter s, int j) {
        Optional<double[]> sigma = s.singularValues();
        return sigma.<WindowOutcome>map(x -> new Measured(j, EffectiveRank.fromSingularValues(x))).orElseGet(() -> new Refused(j));
    }

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "verl4j-global-window");
            t.setDaemon(true);
            return t;
        };
    }
}
