package org.verl4j.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The paper's motivation figure over many responses (ALGORITHM.md §5): ER against ERV (the paper finds them unrelated:
 * r = −0.06, R² = 0.00 on DeepSeek-R1-Distill-Qwen-7B) and unigram entropy against average log-probability (related:
 * r = −0.61, R² = 0.37) — the token-level baselines measure one thing twice, the rank pair two different things.
 *
 * @param responses  every response read
 * @param rank       ER vs ERV over the responses whose ERV was measured; empty when fewer than 2 were, or either
 *                   side is constant (r undefined)
 * @param rankPoints those responses' (ER, ERV)
 * @param tokens     unigram entropy vs average log-probability over every response
 */
public record MotivationFigure(List<ResponseMetrics> responses, Optional<Association> rank, double[][] rankPoints,
                               Association tokens) {

    public static final String ER = "ER", ERV = "ERV", UNIGRAM_ENTROPY = "unigram entropy",
            AVG_LOG_PROB = "average log-prob";

    /** Measures both associations; the token pair needs ≥ 2 responses with varying values, else throws. */
    public static MotivationFigure of(List<ResponseMetrics> responses) {
        List<ResponseMetrics> measured = new ArrayList<>();
        for (ResponseMetrics r : responses) if (r.ervMeasured()) measured.add(r);
        double[] er = new double[measured.size()], erv = new double[measured.size()];
        for (int i = 0; i < er.length; i++) {
            er[i] = measured.get(i).er();
            erv[i] = measured.get(i).erv();
        }
        Optional<Association> rank;
        try {
            rank = Optional.of(Association.of(ER, ERV, er, erv));
        } catch (IllegalArgumentException undefined) {                    // < 2 measured, or a constant side
            rank = Optional.empty();
        }
        double[][] points = tokenPoints(responses);
        Association tokens;
        try {
            tokens = Association.of(UNIGRAM_ENTROPY, AVG_LOG_PROB, points[0], points[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unigram entropy vs average log-prob over " + responses.size()
                    + " responses: " + e.getMessage(), e);
        }
        return new MotivationFigure(List.copyOf(responses), rank, new double[][]{er, erv}, tokens);
    }

    /** Unigram entropies and average log-probs of every response, in order. */
    public double[][] tokenPoints() {
        return tokenPoints(responses);
    }

    private static double[][] tokenPoints(List<ResponseMetrics> responses) {
        double[] h = new double[responses.size()], logp = new double[responses.size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = responses.get(i).unigramEntropy();
            logp[i] = responses.get(i).avgLogProb();
        }
        return new double[][]{h, logp};
    }
}
