package org.verl4j.rank;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Dataset-level metrics (ALGORITHM.md §4). Oracles: hand-computed spectra of small pooled matrices, and the §3
 * procedure written out on {@link EffectiveRank#of} of the prefixes of Zg (the single-matrix ER is pinned by the
 * golden tests).
 */
class DatasetRankTest {

    static HiddenStates rows(double[]... z) {
        return HiddenStates.of(z);
    }

    /** Responses whose means are z_1 = (1,0), z_2 = (−1,0), z_3 = (0,1), z_4 = (0,−1). */
    static List<HiddenStates> fourResponses() {
        return List.of(
                rows(new double[]{2, 0}, new double[]{0, 0}),                           // mean (1, 0)
                rows(new double[]{-1, 0}),                                              // one valid token
                rows(new double[]{0, 1}, new double[]{0, 3}, new double[]{0, -1}),      // mean (0, 1)
                rows(new double[]{0, -1}, new double[]{0, -1}));                        // mean (0, −1)
    }

    /** ER with ε neglected (exact to ~1e-8 here): exp(−Σ p ln p), p = σ/Σσ. */
    static double erOf(double... sigma) {
        double sum = 0, h = 0;
        for (double s : sigma) sum += s;
        for (double s : sigma) h -= s / sum * Math.log(s / sum);
        return Math.exp(h);
    }

    @Test
    void globalEffectiveRankIsTheEffectiveRankOfTheMeanPooledStack() {
        // Zg = [(1,0); (−1,0); (0,1); (0,−1)] has column means 0 and ZgᵀZg = diag(2, 2): σ = (√2, √2), ER = 2.
        DatasetRank r = DatasetRank.measure(fourResponses(), 1, WindowSeries.DROP);
        assertThat(r.responses()).isEqualTo(4);
        assertThat(r.globalEr()).isCloseTo(2.0, within(1e-7));
        assertThat(r.logGlobalEr()).isCloseTo(Math.log(2), within(1e-7));
    }

    @Test
    void cumulativeVelocityFollowsTheWindowProcedureOverTheResponseAxis() {
        // Stride 1 over N = 4: windows end at t = 1, 2, 3.
        //   E_1 = ER{(1,0),(−1,0)}          one σ                                 → 1
        //   E_2 = ER{(1,0),(−1,0),(0,1)}    centred: ZcᵀZc = diag(2, 2/3)         → ER(√2, √(2/3))
        //   E_3 = ER(Zg)                                                          → 2
        double e1 = 1, e2 = erOf(Math.sqrt(2), Math.sqrt(2.0 / 3)), e3 = 2;
        double v2 = e2 - e1, v3 = e3 - (e1 + e2) / 2, a3 = v3 - v2;
        DatasetRank r = DatasetRank.measure(fourResponses(), 1, WindowSeries.KEEP);
        assertThat(r.windows()).extracting(WindowPoint::end).containsExactly(1, 2, 3);
        assertThat(r.windows().get(1).er()).isCloseTo(e2, within(1e-7));
        assertThat(r.velocity()).isCloseTo((v2 + v3) / 2, within(1e-7));
        assertThat(r.acceleration()).isCloseTo(a3, within(1e-7));
        assertThat(r.velocityMeasured()).isTrue();
        assertThat(r.accelerationMeasured()).isTrue();
    }

    @Test
    void globalEffectiveRankIgnoresBatchOrderButCumulativeVelocityDoesNot() {
        List<HiddenStates> batch = pseudoRandomResponses(9, 6);
        List<HiddenStates> reversed = new ArrayList<>(batch);
        java.util.Collections.reverse(reversed);
        DatasetRank forward = DatasetRank.measure(batch, 2, WindowSeries.DROP);
        DatasetRank backward = DatasetRank.measure(reversed, 2, WindowSeries.DROP);
        assertThat(backward.globalEr()).isCloseTo(forward.globalEr(), within(1e-10 * forward.globalEr()));
        assertThat(forward.velocityMeasured()).isTrue();
        assertThat(backward.velocity()).isNotCloseTo(forward.velocity(), within(1e-3));
    }

    @Test
    void cumulativeProcedureIsNeverTruncatedAndMatchesPrefixEffectiveRanks() {
        // N = 600 > 512 responses: every response counts (Truncation.NONE), windows at 20, 40, …, 580.
        List<HiddenStates> batch = pseudoRandomResponses(600, 3);
        DatasetRank r = DatasetRank.measure(batch, DatasetRank.DEFAULT_STRIDE, WindowSeries.KEEP);
        assertThat(r.windows()).hasSize(29);
        assertThat(r.windows().get(28).end()).isEqualTo(580);

        double[][] zg = new double[600][];
        for (int i = 0; i < 600; i++) zg[i] = DatasetRank.meanRow(batch.get(i), i);
        HiddenStates pooled = HiddenStates.of(zg);
        double sumE = 0, sumV = 0, previousV = 0, sumA = 0;
        for (int j = 1; j <= 29; j++) {
            double e = ResponseRank.er(pooled.rowRange(0, 20 * j + 1));
            double v = e - sumE / (j - 1);
            if (j >= 2) sumV += v;
            if (j >= 3) sumA += v - previousV;
            sumE += e;
            previousV = v;
        }
        assertThat(r.globalEr()).isCloseTo(ResponseRank.er(pooled), within(1e-9));
        assertThat(r.velocity()).isCloseTo(sumV / 28, within(1e-9));
        assertThat(r.acceleration()).isCloseTo(sumA / 27, within(1e-9));
    }

    @Test
    void fewResponsesGiveTheEdgeValuesFlaggedAsUnmeasured() {
        DatasetRank one = DatasetRank.measure(List.of(rows(new double[]{1, 2})));
        assertThat(one.globalEr()).isZero();
        assertThat(one.velocityMeasured()).isFalse();
        DatasetRank forty = DatasetRank.measure(pseudoRandomResponses(40, 4));       // 40 < 2·20 + 1
        assertThat(forty.velocity()).isZero();
        assertThat(forty.velocityMeasured()).isFalse();
        assertThat(forty.accelerationMeasured()).isFalse();
    }

    @Test
    void badBatchesAreRejectedNamingTheResponse() {
        assertThatThrownBy(() -> DatasetRank.measure(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one response");
        assertThatThrownBy(() -> DatasetRank.measure(List.of(rows(new double[]{1, 2}), new HiddenStates(0, 2, new double[0]))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("response 1 has no valid tokens");
        assertThatThrownBy(() -> DatasetRank.measure(List.of(rows(new double[]{1, 2}), rows(new double[]{1, 2, 3}))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("response 1 has hidden size 3");
    }

    /** Deterministic responses of 1–5 rows (a fixed LCG, so the example is reproducible). */
    static List<HiddenStates> pseudoRandomResponses(int n, int d) {
        List<HiddenStates> out = new ArrayList<>();
        long state = 12345;
        for (int i = 0; i < n; i++) {
            int rowsT = 1 + i % 5;
            double[] data = new double[rowsT * d];
            for (int k = 0; k < data.length; k++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                data[k] = ((state >>> 11) * 0x1.0p-53) * 2 - 1;
            }
            out.add(new HiddenStates(rowsT, d, data));
        }
        return out;
    }
}
