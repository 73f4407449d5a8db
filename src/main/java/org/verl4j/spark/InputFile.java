package org.verl4j.spark;

import java.io.Serializable;

/**
 * One input file of a job, as listed on the driver.
 *
 * @param ordinal position in the job's input order (patterns in argument order, each pattern's matches in path
 *                order); responses are ordered by (ordinal, index within the file)
 * @param path    fully qualified Hadoop path ({@code file:/…}, {@code hdfs://…}, {@code s3a://…})
 */
record InputFile(int ordinal, String path) implements Serializable {
}
