package org.verl4j.rl;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties every {@link AdvantageEstimator} must have (spec §8), run once per implementation like EJML's
 * shared decomposition checks: finite output of the input's shape, 0 at masked positions, and masked inputs
 * (even NaN) never influence anything.
 */
interface AdvantageEstimatorContract {

    AdvantageEstimator estimator();

    @Provide
    default Arbitrary<TokenBatch> batch() {
        return Batches.batches();
    }

    @Property(tries = 200)
    default void outputIsFiniteAndHasTheInputShape(@ForAll("batch") TokenBatch batch) {
        Advantages a = estimator().estimate(batch);
        for (double[][] x : new double[][][]{a.advantages(), a.returns()}) {
            assertThat(x.length).isEqualTo(batch.size());
            for (double[] row : x) {
                assertThat(row).hasSize(batch.length());
                for (double v : row) assertThat(v).isFinite();
            }
        }
    }

    @Property(tries = 200)
    default void maskedPositionsAreZero(@ForAll("batch") TokenBatch batch) {
        Advantages a = estimator().estimate(batch);
        for (int i = 0; i < batch.size(); i++)
            for (int t = 0; t < batch.length(); t++)
                if (!batch.mask()[i][t]) {
                    assertThat(a.advantages()[i][t]).isZero();
                    assertThat(a.returns()[i][t]).isZero();
                }
    }

    @Property(tries = 200)
    default void maskedInputsNeverInfluenceTheOutput(@ForAll("batch") TokenBatch batch) {
        Advantages a = estimator().estimate(batch);
        Advantages nan = estimator().estimate(Batches.withMaskedPositions(batch, Double.NaN));
        Advantages big = estimator().estimate(Batches.withMaskedPositions(batch, 1e6));
        assertThat(nan.advantages()).isDeepEqualTo(a.advantages());
        assertThat(big.advantages()).isDeepEqualTo(a.advantages());
        assertThat(big.returns()).isDeepEqualTo(a.returns());
    }
}
