package org.verl4j.cli;

import picocli.CommandLine.Option;

/**
 * Where a {@code verl4j grade} line keeps its response, answer and data set: the options shared (as a picocli
 * mixin) by {@link GradeCommand} and the Spark grade job, so both read the same fields with the same defaults.
 */
public final class GradeFieldOptions {

    @Option(names = "--response-field", defaultValue = "response", description = "Field with the model output (default: ${DEFAULT-VALUE}).")
    String responseField;

    @Option(names = "--answer-field", defaultValue = "answer", description = "Field with the ground truth (default: ${DEFAULT-VALUE}).")
    String answerField;

    @Option(names = "--dataset-field", defaultValue = "dataset", description = "Field with the data set name (default: ${DEFAULT-VALUE}).")
    String datasetField;

    @Option(names = "--dataset", description = "Data set name for lines that carry none (e.g. gsm8k, aqua, minerva_math).")
    String defaultDataset;

    /** The fields as parsed. */
    public GradeInput.Fields fields() {
        return new GradeInput.Fields(responseField, answerField, datasetField, defaultDataset);
    }
}
