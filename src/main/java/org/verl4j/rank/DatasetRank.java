package org.verl4j.rank;

import java.util.List;

/**
 * Dataset-level rank metrics (ALGORITHM.md §4; observation only, they never enter the reward).
 *
 * <pre>
 * z_i = (1/T_i) Σ_t Z_i[t]             mean over the valid rows of response i        (d)
 * Zg  = [z_1; z_2; …; z_N]             stacked in batch order                        (N×d)
 * global ER = ER(Zg)                   ALGORITHM.md §2 on Zg (0 when N &lt; 2, 1 when all z_i are equal)
 * cumulative velocity / acceleration = ERV / ERA of ALGORITHM.md §3 over the response axis of Zg,
 *                                      own stride (default 20), no truncation
 * </pre>
 * Only the global ER is invariant under reordering the batch; the cumulative series follows the batch order.
 * The authors' code runs Zg through its per-response calculator, so its cumulative series keeps only the last 512
 * pooled rows when N &gt; 512 and an empty response adds a zero row; here Zg is never truncated and an empty
 * response is an error (ALGORITHM.md §4).
 * Responses arrive already cut to their valid rows (up to and including the first EOS, no padding, ALGORITHM.md §1);
 * a response with no rows has no mean and is an error.
 *
 * @param responses            N, the number of pooled responses
 * @param stride               s of the cumulative procedure
 * @param globalEr             ER(Zg)
 * @param logGlobalEr          ln ER(Zg) = H (0 when N &lt; 2)
 * @param velocity             cumulative ERV over the response axis, 0 when not measured
 * @param acceleration         cumulative ERA over the response axis, 0 when not measured
 * @param velocityMeasured     N ≥ 2s+1
 * @param accelerationMeasured N ≥ 3s+1
 * @param windows              the per-window series over the response axis, empty unless requested
 */
public record DatasetRank(int responses, int stride, double globalEr, double logGlobalEr,
                          double velocity, double acceleration, boolean velocityMeasured, boolean accelerationMeasured,
                          List<WindowPoint> windows) {

    /** Stride of the cumulative procedure in the authors' runs. */
    public static final int DEFAULT_STRIDE = 20;

    public DatasetRank {
        windows = List.copyOf(windows);
    }

    /** The metrics of responses already cut to their valid rows, with {@link #DEFAULT_STRIDE}. */
    public static DatasetRank measure(List<HiddenStates> responses) {
        return measure(responses, DEFAULT_STRIDE, WindowSeries.DROP);
    }

    /** The metrics of responses already cut to their valid rows, keeping the window series or not. */
    public static DatasetRank measure(List<HiddenStates> responses, int stride, WindowSeries series) {
        if (responses.isEmpty()) throw new IllegalArgumentException("dataset-level metrics need at least one response, got none");
        int d = responses.get(0).cols();
        double[] zg = new double[responses.size() * d];                        // N×d, row-major
        for (int i = 0; i < responses.size(); i++) {
            HiddenStates z = responses.get(i);
            if (z.cols() != d)
                throw new IllegalArgumentException("response " + i + " has hidden size " + z.cols() + ", response 0 has " + d);
            System.arraycopy(meanRow(z, i), 0, zg, i * d, d);
        }
        return ofPooled(new HiddenStates(responses.size(), d, zg), stride, series);
    }

    /**
     * The metrics of {@code Zg} already pooled (row i = z_i, in batch order) — for callers that stream a batch
     * and keep one mean row per response ({@link #meanRow}) instead of every response.
     */
    public static DatasetRank ofPooled(HiddenStates zg, int stride, WindowSeries series) {
        if (zg.rows() < 1) throw new IllegalArgumentException("dataset-level metrics need at least one response, got none");
        RankOptions options = new RankOptions(stride, zg.rows(), Truncation.NONE);
        RankDynamics r = ResponseRank.measure(zg, options, series);
        return new DatasetRank(zg.rows(), stride, r.er(), r.logEr(), r.erv(), r.era(), r.ervMeasured(), r.eraMeasured(), r.windows());
    }

    /**
     * The metrics from spectra computed elsewhere — for callers that never hold Zg (ALGORITHM.md §4 aggregated over a
     * cluster, {@link CentredScatter}): σ of the centred Zg and the ERs of its windows, then the same §2 entropy
     * and §3 loop as {@link #ofPooled}.
     * <pre>
     * global ER = exp(H(σ)),  log ER = H(σ)                  0 for N &lt; 2
     * E_j = windowEr[j−1] = ER(Zg[0..j·s]),  j = 1..K,  K = floor((N−1)/s)
     * </pre>
     *
     * @param sigma    σ of the centred Zg (ignored for N &lt; 2); not modified
     * @param windowEr E_1..E_K, exactly K of them; not modified
     */
    public static DatasetRank fromWindows(int responses, int stride, double[] sigma, double[] windowEr, WindowSeries series) {
        if (responses < 1) throw new IllegalArgumentException("dataset-level metrics need at least one response, got none");
        if (stride < 1) throw new IllegalArgumentException("stride s must be ≥ 1, got " + stride);
        int k = (responses - 1) / stride;                                      // K = floor((N−1)/s)
        if (windowEr.length != k)
            throw new IllegalArgumentException(responses + " responses at stride " + stride + " have " + k + " windows, got " + windowEr.length + " ERs");
        double er = responses < 2 ? 0.0 : EffectiveRank.fromSingularValues(sigma);
        double logEr = responses < 2 ? 0.0 : EffectiveRank.entropy(sigma);
        WindowDifferences diff = WindowDifferences.of(windowEr, stride, series);
        return new DatasetRank(responses, stride, er, logEr, diff.erv(), diff.era(), diff.ervMeasured(), diff.eraMeasured(), diff.points());
    }

    /**
     * z_i = (1/T) Σ_t Z[t], the mean over the response's rows.
     *
     * @param index the response's position in the batch, named in the error when it has no rows
     */
    public static double[] meanRow(HiddenStates z, int index) {
        if (z.rows() < 1)
            throw new IllegalArgumentException("response " + index + " has no valid tokens: its mean hidden state is undefined");
        int d = z.cols();
        double[] mean = new double[d];
        for (int t = 0; t < z.rows(); t++) for (int j = 0; j < d; j++) mean[j] += z.get(t, j);   // Σ_t Z[t][j]
        for (int j = 0; j < d; j++) mean[j] /= z.rows();                                          // z_i[j]
        return mean;
    }
}
