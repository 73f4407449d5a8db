package org.verl4j.rl;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties every {@link AdvantageEstimator} must have (ALGORITHM.md §8), run once per implementation like EJML's
 * shared decomposition checks: finite output of the input's shape, 0 at masked positions, and masked inputs
 * (even NaN) never influence anything — on random batches and on the degenerate ones: a batch of one (a single
 * token is estimated or rejected by name), groups of one, and constant-reward groups, whose members must get
 * identical rows.
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

    @Provide
    default Arbitrary<TokenBatch> batchOfOne() {
        return Batches.singleResponses(2, 8);
    }

    @Provide
    default Arbitrary<TokenBatch> singleToken() {
        return Batches.singleResponses(1, 1);
    }

    @Provide
    default Arbitrary<TokenBatch> groupsOfOne() {
        return Batches.groupsOfOne();
    }

    @Provide
    default Arbitrary<TokenBatch> constantGroups() {
        return Batches.constantGroups();
    }

    @Property(tries = 100)
    default void aBatchOfOneIsFiniteAndZeroWhereMasked(@ForAll("batchOfOne") TokenBatch batch) {
        outputIsFiniteAndHasTheInputShape(batch);
        maskedPositionsAreZero(batch);
    }

    @Property(tries = 50)
    default void aSingleTokenBatchIsEstimatedOrRejectedByName(@ForAll("singleToken") TokenBatch batch) {
        try {
            outputIsFiniteAndHasTheInputShape(batch);
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageContaining("at least 2 valid tokens");            // the whitening estimators
        }
    }

    @Property(tries = 100)
    default void groupsOfOneAreFiniteAndZeroWhereMasked(@ForAll("groupsOfOne") TokenBatch batch) {
        outputIsFiniteAndHasTheInputShape(batch);
        maskedPositionsAreZero(batch);
    }

    @Property(tries = 150)
    default void membersOfAConstantGroupGetIdenticalRows(@ForAll("constantGroups") TokenBatch batch) {
        Advantages a = estimator().estimate(batch);
        for (int i = 0; i < batch.size(); i++)
            for (int j = 0; j < i; j++)
                if (batch.groupIds()[i] == batch.groupIds()[j]) {
                    assertThat(a.advantages()[i]).as("responses %d and %d", j, i).isEqualTo(a.advantages()[j]);
                    assertThat(a.returns()[i]).as("responses %d and %d", j, i).isEqualTo(a.returns()[j]);
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
