package org.verl4j.rl;

/** The shared estimator contract for {@link ReinforcePlusPlus}. */
class ReinforcePlusPlusContractTest implements AdvantageEstimatorContract {

    @Override
    public AdvantageEstimator estimator() {
        return new ReinforcePlusPlus();
    }
}
