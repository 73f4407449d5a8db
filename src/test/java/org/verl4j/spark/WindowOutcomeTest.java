package org.verl4j.spark;

import org.junit.jupiter.api.Test;
import org.verl4j.rank.CentredScatter;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.SvdRank;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executor's window pass of ALGORITHM.md §4 on one partition, without Spark: from a prefix summary, the windows
 * t = j·s &gt; d that end inside the partition, each against {@link SvdRank#er} of Zg[0..t] cut out by hand (the
 * definition, so the window bounds are not taken on trust); and the same outcomes on several threads.
 */
class WindowOutcomeTest {

    private static final long SEED = 4242L;

    @Test
    void windowsEndingInThePartitionMatchTheDefinitionOnAnyNumberOfThreads() {
        Random random = new Random(SEED);
        int d = 5, n = 70, stride = 3, before = 23;                               // the partition holds rows 23..69
        double[][] z = new double[n][d];
        for (double[] row : z) for (int j = 0; j < d; j++) row[j] = 10 + (j + 1) * random.nextGaussian();
        CentredScatter prefix = CentredScatter.about(z[0]);
        for (int i = 0; i < before; i++) prefix.add(z[i]);
        List<MeanRows> blocks = List.of(block(z, before, 40, 1), block(z, 40, 41, 2), block(z, 41, n, 3));

        List<WindowOutcome> one = WindowOutcome.pass(prefix, blocks.iterator(), stride, 1);
        assertThat(prefix.rows()).as("the prefix is not modified").isEqualTo(before);
        List<Integer> expectedJ = new ArrayList<>();
        for (int t = before; t < n; t++) if (t > d && t % stride == 0) expectedJ.add(t / stride);
        assertThat(one).extracting(WindowOutcome::j).as("seed " + SEED).containsExactlyElementsOf(expectedJ);
        HiddenStates zg = HiddenStates.of(z);
        for (WindowOutcome w : one) {
            assertThat(w).as("seed %d, window %d", SEED, w.j()).isInstanceOf(WindowOutcome.Measured.class);
            double expected = SvdRank.er(zg.rowRange(0, w.j() * stride + 1));
            double actual = ((WindowOutcome.Measured) w).er();
            // R's SVD and the oracle's are both backward stable: ER agrees to ~d·(n+d)·ε ≈ 2e-13; 1e-11 leaves room
            assertThat(Math.abs(actual - expected) / expected).as("seed %d, window %d", SEED, w.j()).isLessThanOrEqualTo(1e-11);
        }
        assertThat(WindowOutcome.pass(prefix, blocks.iterator(), stride, 3)).as("seed " + SEED).isEqualTo(one);
    }

    @Test
    void aWindowWithZeroSingularValuesIsMeasuredNotRefused() {
        int d = 4;
        double[][] z = new double[12][d];
        for (int i = 0; i < z.length; i++) z[i][0] = i * i;                     // every row on one line: rank 1
        CentredScatter prefix = CentredScatter.about(z[0]);
        List<WindowOutcome> out = WindowOutcome.pass(prefix, List.of(block(z, 0, z.length, 0)).iterator(), 2, 2);
        assertThat(out).extracting(WindowOutcome::j).containsExactly(3, 4, 5);   // t = 6, 8, 10 > d
        HiddenStates zg = HiddenStates.of(z);
        for (WindowOutcome w : out) {                                            // σ = (σ_1, 0, 0, 0)
            double expected = SvdRank.er(zg.rowRange(0, w.j() * 2 + 1));          // 1 but for ALGORITHM.md §2's ε
            assertThat(Math.abs(((WindowOutcome.Measured) w).er() - expected) / expected).as("window %d", w.j())
                    .isLessThanOrEqualTo(1e-11);
        }
    }

    private static MeanRows block(double[][] z, int from, int to, int ordinal) {
        List<double[]> rows = new ArrayList<>();
        for (int i = from; i < to; i++) rows.add(z[i]);
        return new MeanRows(ordinal, "f" + ordinal, rows);
    }
}
