package org.verl4j.rl;

/** The shared estimator contract for {@link Rloo}. */
class RlooContractTest implements OutcomeEstimatorContract {

    @Override
    public AdvantageEstimator estimator() {
        return new Rloo();
    }
}
