package org.verl4j.spark;

import java.io.Serializable;
import java.util.List;

/**
 * The mean rows z_i of one input file's responses (spec §4), in file order.
 *
 * @param ordinal the file's position in the input order
 * @param source  the file's Hadoop path
 * @param z       z_i per response (d doubles each)
 */
record MeanRows(int ordinal, String source, List<double[]> z) implements Serializable {
}
