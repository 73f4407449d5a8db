package org.verl4j.spark;

import java.io.Serializable;
import java.util.List;

/**
 * The mean rows z_i of one input file's responses (ALGORITHM.md §4), in file order.
 *
 * @param ordinal the file's position in the input order
 * @param source  the file's Hadoop path
 * @param z       z_i per response (d doubles each)
 */
record MeanRows(int ordinal, String source, List<double[]> z) implements Serializable {

    /**
     * What the driver needs to know of a file's mean rows before aggregating them (a few bytes per file).
     *
     * @param rows  how many responses
     * @param sizes the distinct hidden sizes of its responses, in order of first appearance
     */
    record Shape(int ordinal, String source, int rows, List<Integer> sizes) implements Serializable {
    }

    Shape shape() {
        return new Shape(ordinal, source, z.size(), z.stream().map(r -> r.length).distinct().toList());
    }
}
