package org.verl4j.spark;

import org.verl4j.rank.CentredScatter;
import org.verl4j.rank.EffectiveRank;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One window W_j = Zg[0..j·s] of spec §4's cumulative series measured on an executor from the running scatter:
 * its ER, or a refusal of the squared route (then the series needs Zg's rows).
 */
sealed interface WindowOutcome extends Serializable permits WindowOutcome.Measured, WindowOutcome.Refused {

    /** j, the window's index (1-based; it ends at row t = j·s). */
    int j();

    /** E_j = ER(W_j). */
    record Measured(int j, double er) implements WindowOutcome {
    }

    /** The squared route refused W_j ({@link CentredScatter#singularValues} empty). */
    record Refused(int j) implements WindowOutcome {
    }

    /**
     * The executor's pass over one partition: starting from the summary of every row before it ({@code prefix}),
     * adds its rows in order (Welford) and measures each window t = j·s that ends inside it with t &gt; d; the
     * windows t ≤ d have at most d+1 rows and are the driver's (from the first d+1 rows).
     * <pre>
     * for each row z_t (t = prefix.rows(), …):   S ← S + z_t    (n, μ, M2 of Zg[0..t])
     *     t = j·s, t &gt; d:                        E_j = ER from σ = √λ(M2)          d³ work per window
     * </pre>
     */
    static List<WindowOutcome> pass(CentredScatter prefix, Iterator<MeanRows> blocks, int stride) {
        CentredScatter s = prefix.copy();
        int d = s.cols();
        List<WindowOutcome> out = new ArrayList<>();
        while (blocks.hasNext()) {
            for (double[] z : blocks.next().z()) {
                long t = s.rows();
                s.add(z);                                                  // S = summary of Zg[0..t]
                if (t > d && t % stride == 0) {
                    int j = Math.toIntExact(t / stride);
                    Optional<double[]> sigma = s.singularValues();
                    out.add(sigma.<WindowOutcome>map(x -> new Measured(j, EffectiveRank.fromSingularValues(x)))
                            .orElseGet(() -> new Refused(j)));
                }
            }
        }
        return out;
    }
}
