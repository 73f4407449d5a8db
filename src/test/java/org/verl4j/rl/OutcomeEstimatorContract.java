package org.verl4j.rl;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the per-group outcome estimators (GRPO, Dr.GRPO, RLOO) add to {@link AdvantageEstimatorContract}: the
 * returns are the advantages, a group whose scores are all equal gets exactly 0 (no ε-amplified rounding), and a
 * group of one depends on its own response only (mean 0: verl's convention), so estimating it alone changes nothing.
 */
interface OutcomeEstimatorContract extends AdvantageEstimatorContract {

    @Property(tries = 150)
    default void returnsAreTheAdvantages(@ForAll("batch") TokenBatch batch) {
        Advantages a = estimator().estimate(batch);
        assertThat(a).isInstanceOf(Advantages.Outcome.class);
        assertThat(a.returns()).isSameAs(a.advantages());
    }

    @Property(tries = 150)
    default void aConstantGroupGetsExactlyZero(@ForAll("constantGroups") TokenBatch batch) {
        double[][] a = estimator().estimate(batch).advantages();
        for (int i = 0; i < batch.size(); i++) {
            int size = 0;
            for (int g : batch.groupIds()) if (g == batch.groupIds()[i]) size++;
            if (size >= 2) assertThat(a[i]).as("response %d in a group of %d", i, size).containsOnly(0.0);
        }
    }

    @Property(tries = 150)
    default void aGroupOfOneDependsOnItsOwnResponseOnly(@ForAll("groupsOfOne") TokenBatch batch) {
        double[][] a = estimator().estimate(batch).advantages();
        for (int i = 0; i < batch.size(); i++) {
            TokenBatch alone = new TokenBatch(new double[][]{batch.rewards()[i]}, new boolean[][]{batch.mask()[i]},
                    new int[]{batch.groupIds()[i]}, null);
            assertThat(a[i]).as("response %d", i).isEqualTo(estimator().estimate(alone).advantages()[0]);
        }
    }
}
