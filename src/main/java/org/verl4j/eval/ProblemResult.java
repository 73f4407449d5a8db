package org.verl4j.eval;

import java.util.List;
import java.util.Map;

/**
 * One problem's n responses and verdicts, and its pass@k for k = 1, 2, 4, … ≤ n (keys {@code "pass@1"}, …).
 *
 * @param responses the response texts (EOS removed)
 * @param extracted the answer the grader extracted from each
 * @param correct   each response's verdict
 * @param timeouts  how many were graded wrong because their grading hit the deadline (spec §9: counted, never silent)
 */
public record ProblemResult(String dataset, String id, String answer, List<String> responses, List<String> extracted,
                            List<Boolean> correct, int timeouts, Map<String, Double> passAtK) {

    public ProblemResult {
        responses = List.copyOf(responses);
        extracted = List.copyOf(extracted);
        correct = List.copyOf(correct);
        passAtK = Map.copyOf(passAtK);
    }

    public int numCorrect() {
        int c = 0;
        for (boolean b : correct) if (b) c++;
        return c;
    }
}
