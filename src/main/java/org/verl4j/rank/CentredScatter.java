package org.verl4j.rank;

import org.verl4j.rank.fast.ScatterSpectrum;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;

/**
 * The summary of a set of rows from which ALGORITHM.md §2's ER of the rows is known without the rows: count n, mean μ and
 * centred scatter M2 = Zcᵀ·Zc — mergeable, so ALGORITHM.md §4's ER(Zg) can be computed by a tree aggregation over a
 * cluster. M2 is never formed: it is held as its triangular factor R (M2 = RᵀR, the R of a QR of the centred rows),
 * so σ(Zc) = σ(R): by the fast squared route on RᵀR where it can be trusted, else by the exact route on R's rows
 * with nothing squared — so rank-deficient rows (e.g. repeated responses) are measured, not lost in round-off
 * ({@link ScatterSpectrum#ofFactor}).
 * <pre>
 * x      = z − o                               every row shifted by a fixed origin o (ER is translation
 *                                              invariant; o = an early row keeps large common offsets out of R)
 * add z  (Welford; the Helmert row of z):      δ = x − μ,   μ ← μ + δ/(n+1),   M2 ← M2 + (n/(n+1))·δδᵀ,   n ← n+1
 * merge  (Chan et al., b after a):             δ = μ_b − μ_a,   n = n_a + n_b,   μ = μ_a + (n_b/n)·δ,
 *                                              M2 = M2_a + M2_b + (n_a·n_b/n)·δδᵀ
 * on R:  M2 + vvᵀ  = [R; vᵀ]ᵀ[R; vᵀ]           v folded into R by Givens rotations (d²/2 rotations of a pair)
 *        M2_a + M2_b = [R_a; R_b]ᵀ[R_a; R_b]   each row of R_b folded into R_a
 * σ      = σ(R)                                RᵀR = Zcᵀ·Zc, so σ(R) are the singular values of the centred rows
 * </pre>
 * All in double; R is kept as its packed upper triangle (d(d+1)/2 values: 8·d(d+1)/2 bytes, 51 MB at d = 3584).
 * {@link #singularValues} is empty only where R is not finite (entries beyond double's range): such rows have to be
 * measured from the rows. Mutable, owned by one thread; serializable, to cross a cluster.
 */
public final class CentredScatter implements Serializable {

    private static final long serialVersionUID = 2L;

    private final double[] origin;      // o (d)
    private final double[] mean;        // μ of x = z − o (d)
    private final double[] r;           // R, packed upper triangle by rows: (i, j ≥ i) at start(i) + j − i
    private long n;

    private CentredScatter(double[] origin, double[] mean, double[] r, long n) {
        this.origin = origin;
        this.mean = mean;
        this.r = r;
        this.n = n;
    }

    /** The summary of no rows, about the origin {@code o} (copied); every summary merged with it needs the same o. */
    public static CentredScatter about(double[] origin) {
        int d = origin.length;
        if (d < 1) throw new IllegalArgumentException("rows need at least one column");
        return new CentredScatter(origin.clone(), new double[d], new double[d * (d + 1) / 2], 0);
    }

    /** Adds the row z (Welford's update, the rank-one update of one Helmert row). */
    public void add(double[] z) {
        int d = origin.length;
        if (z.length != d) throw new IllegalArgumentException("row of " + z.length + " columns added to a " + d + "-column scatter");
        double[] delta = new double[d];
        for (int j = 0; j < d; j++) {
            delta[j] = z[j] - origin[j] - mean[j];                          // δ = x − μ,  x = z − o
            mean[j] += delta[j] / (n + 1);                                  // μ ← μ + δ/(n+1)
        }
        double w = Math.sqrt((double) n / (n + 1));
        for (int j = 0; j < d; j++) delta[j] *= w;
        fold(delta, 0);                                                     // M2 ← M2 + (n/(n+1))·δδᵀ
        n++;
    }

    /** Merges the summary {@code b} into this one (Chan et al.'s pairwise update); {@code b} is not modified. */
    public void merge(CentredScatter b) {
        if (!Arrays.equals(origin, b.origin)) throw new IllegalArgumentException("scatters about different origins cannot be merged");
        if (b.n == 0) return;
        int d = origin.length;
        long total = n + b.n;
        double[] delta = new double[d];
        for (int j = 0; j < d; j++) {
            delta[j] = b.mean[j] - mean[j];                                 // δ = μ_b − μ_a
            mean[j] += delta[j] * ((double) b.n / total);                   // μ = μ_a + (n_b/n)·δ
        }
        double[] row = new double[d];
        for (int i = 0; i < d; i++) {                                       // M2_a + M2_b: fold R_b's rows
            Arrays.fill(row, 0, i, 0);
            System.arraycopy(b.r, start(i, d), row, i, d - i);
            fold(row, i);
        }
        double w = Math.sqrt((double) n * b.n / total);
        for (int j = 0; j < d; j++) delta[j] *= w;
        fold(delta, 0);                                                     // + (n_a·n_b/n)·δδᵀ
        n = total;
    }

    /**
     * R ← the triangular factor of [R; vᵀ] (so RᵀR gains vvᵀ), v zero before column {@code from}: per column i a
     * Givens rotation [c s; −s c] of (R_ii, v_i) onto (√(R_ii² + v_i²), 0), applied along row i of R and v.
     */
    private void fold(double[] v, int from) {
        int d = origin.length;
        for (int i = from; i < d; i++) {
            double vi = v[i];
            if (vi == 0) continue;
            int at = start(i, d);
            double rii = r[at], h = Math.hypot(rii, vi), c = rii / h, s = vi / h;
            r[at] = h;
            for (int j = i + 1; j < d; j++) {
                double rij = r[at + j - i], vj = v[j];
                r[at + j - i] = c * rij + s * vj;
                v[j] = c * vj - s * rij;
            }
        }
    }

    /** Where row i of a packed d×d upper triangle starts. */
    private static int start(int i, int d) {
        return i * d - i * (i - 1) / 2;
    }

    /** An independent copy. */
    public CentredScatter copy() {
        return new CentredScatter(origin, mean.clone(), r.clone(), n);
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

    /** M2_ij = Σ (z_i − μ_i)(z_j − μ_j) over the rows, = (RᵀR)_ij. */
    public double scatter(int i, int j) {
        int d = origin.length;
        double s = 0;
        for (int k = 0; k <= Math.min(i, j); k++) s += r[start(k, d) + i - k] * r[start(k, d) + j - k];
        return s;
    }

    /**
     * σ of the centred rows (d values, unordered): the singular values of R, or empty where R is not finite (the
     * rows' entries beyond double's range; then the rows themselves are needed). Needs at least two rows.
     */
    public Optional<double[]> singularValues() {
        if (n < 2) throw new IllegalStateException("a centred spectrum needs at least two rows, got " + n);
        return ScatterSpectrum.ofFactor(r, origin.length, n, EffectiveRank.EPSILON, FastRank.kernels(SpectrumMethod.DEFAULT));
    }
}
