package org.verl4j.rank;

import org.verl4j.rank.fast.ScatterSpectrum;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;

/**
 * The summary of a set of rows from which spec §2's ER of the rows is known without the rows: count n, mean μ and
 * centred scatter M2 — mergeable, so spec §4's ER(Zg) can be computed by a tree aggregation over a cluster.
 * <pre>
 * x      = z − o                               every row shifted by a fixed origin o (ER is translation
 *                                              invariant; o = an early row keeps large common offsets out of M2)
 * add z  (Welford; the Helmert row of z):      δ = x − μ,   μ ← μ + δ/(n+1),   M2 ← M2 + (n/(n+1))·δδᵀ,   n ← n+1
 * merge  (Chan et al., b after a):             δ = μ_b − μ_a,   n = n_a + n_b,   μ = μ_a + (n_b/n)·δ,
 *                                              M2 = M2_a + M2_b + (n_a·n_b/n)·δδᵀ
 * σ      = √λ(M2)                              M2 = Zcᵀ·Zc, so σ are the singular values of the centred rows
 * </pre>
 * All in double; M2 is kept as its packed lower triangle (d(d+1)/2 values: 8·d(d+1)/2 bytes, 51 MB at d = 3584).
 * {@link #singularValues} goes through the fast path's squared route ({@link ScatterSpectrum}) and is empty where
 * that route refuses (fewer rows than d + 2, rank-deficient rows, entries whose squares would leave double's range):
 * such a set of rows has to be measured from its rows. Mutable, owned by one thread; serializable, to cross a
 * cluster.
 */
public final class CentredScatter implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Shifted entries beyond [2^−400, 2^400] would under- or overflow once squared and summed. */
    private static final double SMALLEST = 0x1p-400, LARGEST = 0x1p400;

    private final double[] origin;      // o (d)
    private final double[] mean;        // μ of x = z − o (d)
    private final double[] m2;          // M2, packed lower triangle: (i, j ≤ i) at i(i+1)/2 + j
    private long n;
    private double largest;             // max |x_j| over the rows added

    private CentredScatter(double[] origin, double[] mean, double[] m2, long n, double largest) {
        this.origin = origin;
        this.mean = mean;
        this.m2 = m2;
        this.n = n;
        this.largest = largest;
    }

    /** The summary of no rows, about the origin {@code o} (copied); every summary merged with it needs the same o. */
    public static CentredScatter about(double[] origin) {
        int d = origin.length;
        if (d < 1) throw new IllegalArgumentException("rows need at least one column");
        return new CentredScatter(origin.clone(), new double[d], new double[d * (d + 1) / 2], 0, 0);
    }

    /** Adds the row z (Welford's update, the rank-one update of one Helmert row). */
    public void add(double[] z) {
        int d = origin.length;
        if (z.length != d) throw new IllegalArgumentException("row of " + z.length + " columns added to a " + d + "-column scatter");
        double[] delta = new double[d];
        for (int j = 0; j < d; j++) {
            double x = z[j] - origin[j];                                    // x = z − o
            largest = Math.max(largest, Math.abs(x));
            delta[j] = x - mean[j];                                         // δ = x − μ
            mean[j] += delta[j] / (n + 1);                                  // μ ← μ + δ/(n+1)
        }
        rankOne(delta, (double) n / (n + 1));                               // M2 ← M2 + (n/(n+1))·δδᵀ
        n++;
    }

    /** Merges the summary {@code b} into this one (Chan et al.'s pairwise update); {@code b} is not modified. */
    public void merge(CentredScatter b) {
        if (!Arrays.equals(origin, b.origin)) throw new IllegalArgumentException("scatters about different origins cannot be merged");
        if (b.n == 0) return;
        long total = n + b.n;
        double[] delta = new double[origin.length];
        for (int j = 0; j < delta.length; j++) {
            delta[j] = b.mean[j] - mean[j];                                 // δ = μ_b − μ_a
            mean[j] += delta[j] * ((double) b.n / total);                   // μ = μ_a + (n_b/n)·δ
        }
        for (int i = 0; i < m2.length; i++) m2[i] += b.m2[i];               // M2_a + M2_b
        rankOne(delta, (double) n * b.n / total);                           // + (n_a·n_b/n)·δδᵀ
        n = total;
        largest = Math.max(largest, b.largest);
    }

    /** M2 ← M2 + w·δδᵀ on the packed lower triangle. */
    private void rankOne(double[] delta, double w) {
        int at = 0;
        for (int i = 0; i < delta.length; i++) {
            double wi = w * delta[i];
            for (int j = 0; j <= i; j++) m2[at++] += wi * delta[j];
        }
    }

    /** An independent copy. */
    public CentredScatter copy() {
        return new CentredScatter(origin, mean.clone(), m2.clone(), n, largest);
    }

    /** n, the rows summarised. */
    public long rows() {
        return n;
    }

    /** d. */
    public int cols() {
        return origin.length;
    }

    /** μ of the rows, z-coordinates (o + mean of x). */
    public double[] mean() {
        double[] mu = new double[origin.length];
        for (int j = 0; j < mu.length; j++) mu[j] = origin[j] + mean[j];
        return mu;
    }

    /** M2_ij = Σ (z_i − μ_i)(z_j − μ_j) over the rows. */
    public double scatter(int i, int j) {
        return i >= j ? m2[i * (i + 1) / 2 + j] : m2[j * (j + 1) / 2 + i];
    }

    /**
     * σ of the centred rows (d values, unordered) by the squared route, or empty where it refuses (then the rows
     * themselves are needed; see the class comment). Needs at least two rows.
     */
    public Optional<double[]> singularValues() {
        if (n < 2) throw new IllegalStateException("a centred spectrum needs at least two rows, got " + n);
        if (largest > LARGEST || (largest > 0 && largest < SMALLEST)) return Optional.empty();
        return ScatterSpectrum.singularValues(m2, origin.length, n, EffectiveRank.EPSILON,
                CentredSpectra.kernels(SpectrumMethod.DEFAULT));
    }
}
