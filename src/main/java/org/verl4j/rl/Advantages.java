package org.verl4j.rl;

/**
 * Output of an advantage estimator (ALGORITHM.md §8): per-token advantages and returns, both [B][T] and 0 at masked
 * positions. Two kinds, so that a caller who reshapes the advantages knows whether the returns follow:
 *
 * <pre>
 * Outcome       returns = advantages (GRPO, Dr.GRPO, RLOO, REINFORCE++ baseline: verl returns the scores twice)
 * WithReturns   returns of their own: GAE's R = Â + V (the critic's target), REINFORCE++'s discounted G
 * </pre>
 */
public sealed interface Advantages permits Advantages.Outcome, Advantages.WithReturns {

    /** A[i][t]. */
    double[][] advantages();

    /** The critic's regression target or the discounted returns; the advantages themselves for outcome estimators. */
    double[][] returns();

    /** The same kind with the advantages replaced by {@code a} (shaping): outcome returns follow, own returns stay. */
    Advantages withAdvantages(double[][] a);

    /** Advantages that are also the returns (outcome estimators). */
    static Advantages outcome(double[][] advantages) {
        return new Outcome(advantages);
    }

    /** Advantages with returns of their own (GAE, REINFORCE++). */
    static Advantages withReturns(double[][] advantages, double[][] returns) {
        return new WithReturns(advantages, returns);
    }

    /** @param advantages A[i][t], which are also the returns */
    record Outcome(double[][] advantages) implements Advantages {

        @Override
        public double[][] returns() {
            return advantages;
        }

        @Override
        public Advantages withAdvantages(double[][] a) {
            return new Outcome(a);
        }
    }

    /**
     * @param advantages A[i][t]
     * @param returns    R[i][t]
     */
    record WithReturns(double[][] advantages, double[][] returns) implements Advantages {

        @Override
        public Advantages withAdvantages(double[][] a) {
            return new WithReturns(a, returns);
        }
    }
}
