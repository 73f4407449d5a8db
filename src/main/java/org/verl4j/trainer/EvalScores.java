package org.verl4j.trainer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The held-out scores of one evaluation, as {@code summary.json} stores them.
 *
 * @param step     training steps done when evaluated (0 = the initial policy)
 * @param problems held-out problems
 * @param n        samples per problem
 * @param passAtK  "pass@1", "pass@2", … (k = 1, 2, 4, … ≤ n; unbiased estimator, ALGORITHM.md §9), mean over problems
 */
public record EvalScores(int step, int problems, int n, Map<String, Double> passAtK) {

    public EvalScores {
        passAtK = Collections.unmodifiableMap(new LinkedHashMap<>(passAtK));
    }

    public double pass1() {
        return passAtK.get("pass@1");
    }
}
