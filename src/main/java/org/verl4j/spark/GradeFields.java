package org.verl4j.spark;

import java.io.Serializable;

/**
 * The field names of a grade job's JSON lines and the data set for lines without one (the CLI's
 * {@code --response-field}, {@code --answer-field}, {@code --dataset-field}, {@code --dataset}).
 *
 * @param defaultDataset data set of lines that carry none, or null
 */
record GradeFields(String response, String answer, String dataset, String defaultDataset) implements Serializable {
}
