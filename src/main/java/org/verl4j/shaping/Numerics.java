package org.verl4j.shaping;

/**
 * The arithmetic the controller computes the aux signal in (ALGORITHM.md §6): the three places where a numeric mode can
 * differ, answered by one object so that {@link VerlController} reads as the spec.
 *
 * <pre>
 * aux_i        = VerlAux(x_i, m, P)                     {@link #aux}
 * entered aux  = aux_i as it enters shaping               {@link #enteredAux}
 * mean score   = mean_i(score_i) for the S̄ update        {@link #meanScore}
 * </pre>
 * {@link #FLOAT64} (the default) is the definition in double. For bit-level parity with the authors' PyTorch
 * code (bfloat16 storage, float32 ops) use {@code org.verl4j.shaping.parity.AuthorsNumerics.BF16}; the core never
 * depends on that package.
 */
public interface Numerics {

    /** The definitions of ALGORITHM.md §6 in double. */
    Numerics FLOAT64 = new Float64();

    /** aux of response x against baselines m with scale P, with every intermediate. */
    AuxTerms aux(RankIndicators x, RankIndicators m, double p, VerlConfig config);

    /** The aux value that enters shaping for a response with this task score. */
    double enteredAux(double score, AuxTerms terms);

    /** mean_i(score_i), the batch-mean task score of the S̄ update (scores are non-empty). */
    double meanScore(double[] scores);

    /** ALGORITHM.md §6 in double: {@link VerlAux} as defined, aux enters unchanged, plain mean Σ s / n. */
    record Float64() implements Numerics {

        @Override
        public AuxTerms aux(RankIndicators x, RankIndicators m, double p, VerlConfig config) {
            return VerlAux.of(x, m, p, config);
        }

        @Override
        public double enteredAux(double score, AuxTerms terms) {
            return terms.aux();
        }

        @Override
        public double meanScore(double[] scores) {
            double sum = 0;
            for (double s : scores) sum += s;
            return sum / scores.length;
        }

        /** "FLOAT64", as a printed configuration shows it. */
        @Override
        public String toString() {
            return "FLOAT64";
        }
    }
}
