package org.verl4j.rl;

/** The shared estimator contract for {@link DrGrpo}. */
class DrGrpoContractTest implements OutcomeEstimatorContract {

    @Override
    public AdvantageEstimator estimator() {
        return new DrGrpo();
    }
}
