package org.verl4j.rl;

/** The shared estimator contract for {@link Gae}. */
class GaeContractTest implements AdvantageEstimatorContract {

    @Override
    public AdvantageEstimator estimator() {
        return new Gae(0.9, 0.8);          // γ, λ below 1 so that the recursion is exercised
    }
}
