package org.verl4j.rank;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batch API returns, in input order, exactly what {@link RankDynamics#measure} returns per response. */
class RankBatchTest {

    static HiddenStates random(int rows, int cols, long seed) {
        Random rng = new Random(seed);
        double[] data = new double[rows * cols];
        for (int i = 0; i < data.length; i++) data[i] = rng.nextGaussian();
        return new HiddenStates(rows, cols, data);
    }

    @Test
    void measureAllKeepsInputOrderAndMatchesSingleMeasurements() {
        List<HiddenStates> batch = new ArrayList<>();
        for (int i = 0; i < 9; i++) batch.add(random(5 + 7 * i, 6 + i, i));
        RankOptions options = new RankOptions(4, 30, Truncation.TAIL);
        List<RankDynamics> parallel = RankBatch.measureAll(batch, options, WindowSeries.KEEP, 3);
        assertThat(parallel).hasSize(batch.size());
        for (int i = 0; i < batch.size(); i++)
            assertThat(parallel.get(i)).isEqualTo(ResponseRank.measure(batch.get(i), options, WindowSeries.KEEP));
    }

    @Test
    void aSingleLongResponseSpreadOverThreadsGivesTheSameResult() {
        HiddenStates z = random(130, 9, 42);
        RankOptions options = new RankOptions(5, 512, Truncation.NONE);
        List<RankDynamics> parallel = RankBatch.measureAll(List.of(z), options, WindowSeries.KEEP, 2);
        assertThat(parallel).containsExactly(ResponseRank.measure(z, options, WindowSeries.KEEP));
    }

    @Test
    void streamingDeliversEveryResultInOrder() {
        List<HiddenStates> batch = new ArrayList<>();
        for (int i = 0; i < 11; i++) batch.add(random(20 + i, 4, 100 + i));
        List<Integer> tokens = new ArrayList<>();
        AtomicInteger pulled = new AtomicInteger();
        var it = batch.iterator();
        RankBatch.measureStream(new java.util.Iterator<>() {
            public boolean hasNext() { return it.hasNext(); }
            public HiddenStates next() { pulled.incrementAndGet(); return it.next(); }
        }, RankOptions.DEFAULTS.withStride(3), WindowSeries.DROP, 2, r -> tokens.add(r.tokens()));
        assertThat(tokens).containsExactly(20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30);
        assertThat(pulled.get()).isEqualTo(11);
    }

    @Test
    void anEmptyBatchGivesNoResultsAndZeroThreadsIsAnError() {
        assertThat(RankBatch.measureAll(List.of(), RankOptions.DEFAULTS, WindowSeries.DROP, 2)).isEmpty();
        assertThatThrownBy(() -> RankBatch.measureAll(List.of(), RankOptions.DEFAULTS, WindowSeries.DROP, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
    }

    @Test
    void theSpectrumMethodTravelsWithTheOptions() {
        List<HiddenStates> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) batch.add(random(30 + 9 * i, 12, 200 + i));
        batch.add(random(2, 12, 299));                                      // T = 2: one window-less response
        RankOptions svd = new RankOptions(6, 40, Truncation.TAIL, SpectrumMethod.SVD);
        List<RankDynamics> parallel = RankBatch.measureAll(batch, svd, WindowSeries.KEEP, 2);
        for (int i = 0; i < batch.size(); i++)      // the definition's values, bit for bit, whatever the thread
            assertThat(parallel.get(i)).isEqualTo(SvdRank.measure(batch.get(i), svd, WindowSeries.KEEP));
        assertThat(parallel).allSatisfy(r -> assertThat(r.exactFallbacks()).isZero());
        assertThat(svd.withStride(3).method()).isEqualTo(SpectrumMethod.SVD);
        assertThat(new RankOptions(6, 40, Truncation.TAIL).method()).isEqualTo(SpectrumMethod.DEFAULT);
    }
}
