package org.verl4j.grader;

import java.util.Objects;

/**
 * One response to grade.
 *
 * @param response    the model's output text
 * @param groundTruth the reference answer as the data set gives it (normalised by the grader)
 * @param dataset     the data set name, or null; it decides extraction rules such as multiple choice
 */
public record GradingItem(String response, String groundTruth, String dataset) {

    public GradingItem {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(groundTruth, "groundTruth");
    }
}
