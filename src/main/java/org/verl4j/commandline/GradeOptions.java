package org.verl4j.commandline;

import org.verl4j.grader.GradeInput;
import picocli.CommandLine.Option;

/**
 * Where a {@code verl4j grade} line keeps its response, answer and data set, and the grader's per-item deadline
 * (ALGORITHM.md §9): the options shared, as a picocli mixin, by {@code verl4j grade} and the Spark grade job, so both read
 * the same fields and grade under the same deadline, with the defaults stated here only.
 */
public final class GradeOptions {

    @Option(names = "--response-field", defaultValue = "response", description = "Field with the model output (default: ${DEFAULT-VALUE}).")
    String responseField;

    @Option(names = "--answer-field", defaultValue = "answer", description = "Field with the ground truth (default: ${DEFAULT-VALUE}).")
    String answerField;

    @Option(names = "--dataset-field", defaultValue = "dataset", description = "Field with the data set name (default: ${DEFAULT-VALUE}).")
    String datasetField;

    @Option(names = "--dataset", description = "Data set name for lines that carry none (e.g. gsm8k, aqua, minerva_math).")
    String defaultDataset;

    @Option(names = "--timeout-ms", defaultValue = "5000", description = "Per-item time limit in ms, counted from when the item starts; a timeout is wrong and"
            + " counted. A run takes at most (items / threads + 1) x this (default: ${DEFAULT-VALUE}).")
    long timeoutMillis;

    /** The fields as parsed. */
    public GradeInput.Fields fields() {
        return new GradeInput.Fields(responseField, answerField, datasetField, defaultDataset);
    }

    /** The per-item deadline in ms, validated ≥ 1. */
    public long timeoutMillis() {
        if (timeoutMillis < 1) throw new IllegalArgumentException("--timeout-ms must be at least 1, got " + timeoutMillis);
        return timeoutMillis;
    }
}
