package org.verl4j.spark;

import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.List;

/** What one metrics task returns for one input file: all its rows, or why it could not be read (never both). */
sealed interface FileOutcome extends Serializable permits FileOutcome.Measured, FileOutcome.Failed {

    /** The file's position in the input order. */
    int ordinal();

    /** The file's Hadoop path. */
    String source();

    /**
     * Every response of the file.
     *
     * @param rows  one output row per response, in file order
     * @param means z_i of every response in file order (ALGORITHM.md §4), empty unless the job pools them
     */
    record Measured(int ordinal, String source, List<Row> rows, List<double[]> means) implements FileOutcome {
    }

    /** The file was unreadable or held invalid hidden states; {@code message} names the file (and response). */
    record Failed(int ordinal, String source, String message) implements FileOutcome {
    }
}
