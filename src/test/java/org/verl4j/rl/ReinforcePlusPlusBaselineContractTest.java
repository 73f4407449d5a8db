package org.verl4j.rl;

/** The shared estimator contract for {@link ReinforcePlusPlusBaseline}. */
class ReinforcePlusPlusBaselineContractTest implements AdvantageEstimatorContract {

    @Override
    public AdvantageEstimator estimator() {
        return new ReinforcePlusPlusBaseline();
    }
}
