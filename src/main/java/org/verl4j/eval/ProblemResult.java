package org.verl4j.eval;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One problem's n responses and verdicts, and its pass@k for k = 1, 2, 4, … ≤ n (keys {@code "pass@1"}, … in
 * that order). Serializable: the Spark eval job returns these from its executors.
 *
 * @param responses the response texts (EOS removed)
 * @param extracted the answer the grader extracted from each
 * @param correct   each response's verdict
 * @param timeouts  how many were graded wrong because their grading hit the deadline (ALGORITHM.md §9: counted, never silent)
 */
public record ProblemResult(String dataset, String id, String answer, List<String> responses, List<String> extracted,
                            List<Boolean> correct, int timeouts, Map<String, Double> passAtK) implements Serializable {

    public ProblemResult {
        responses = List.copyOf(responses);
        extracted = List.copyOf(extracted);
        correct = List.copyOf(correct);
        passAtK = Collections.unmodifiableMap(new LinkedHashMap<>(passAtK));   // k order, so results.jsonl is the same bytes every run
    }

    public int numCorrect() {
        int c = 0;
        for (boolean b : correct) if (b) c++;
        return c;
    }
}
