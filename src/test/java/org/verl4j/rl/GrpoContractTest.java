package org.verl4j.rl;

/** The shared estimator contract for {@link Grpo}. */
class GrpoContractTest implements OutcomeEstimatorContract {

    @Override
    public AdvantageEstimator estimator() {
        return new Grpo();
    }
}
