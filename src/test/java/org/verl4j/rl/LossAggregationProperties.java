package org.verl4j.rl;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Loss aggregation (ALGORITHM.md §8) against plain means on uniform masks, and masked entries never counting. */
class LossAggregationProperties {

    @Provide
    Arbitrary<double[][]> losses() {
        return Arbitraries.integers().between(1, 6).flatMap(t ->
                Arbitraries.doubles().between(-10, 10).array(double[].class).ofSize(t).array(double[][].class).ofMinSize(1).ofMaxSize(6));
    }

    static boolean[][] full(double[][] x) {
        boolean[][] m = new boolean[x.length][x[0].length];
        for (boolean[] row : m) java.util.Arrays.fill(row, true);
        return m;
    }

    static double plainMean(double[][] x) {
        double s = 0;
        int n = 0;
        for (double[] row : x) for (double v : row) { s += v; n++; }
        return s / n;
    }

    @Property(tries = 300)
    void tokenMeanOnAUniformMaskIsThePlainMean(@ForAll("losses") double[][] x) {
        assertThat(LossAggregation.TOKEN_MEAN.aggregate(x, full(x))).isEqualTo(plainMean(x));
        assertThat(LossAggregation.SEQ_MEAN_TOKEN_MEAN.aggregate(x, full(x))).isCloseTo(plainMean(x), within(1e-12));
        assertThat(LossAggregation.SEQ_MEAN_TOKEN_SUM.aggregate(x, full(x))).isCloseTo(plainMean(x) * x[0].length, within(1e-11));
    }

    @Property(tries = 300)
    void maskedEntriesNeverCount(@ForAll("losses") double[][] x) {
        boolean[][] m = full(x);
        double[][] junk = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            junk[i] = x[i].clone();
            if (x[i].length > 1) { m[i][x[i].length - 1] = false; junk[i][x[i].length - 1] = Double.NaN; }
        }
        for (LossAggregation agg : LossAggregation.values())
            assertThat(agg.aggregate(junk, m)).isEqualTo(agg.aggregate(x, m));
    }
}
