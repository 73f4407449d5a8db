package org.verl4j.spark;

import org.verl4j.rank.CentredScatter;

import java.io.Serializable;
import java.util.Iterator;

/**
 * The summary of one partition of Zg (ALGORITHM.md §4): the (n, μ, M2) of its rows and which stretch of the input order
 * they came from, so that the driver can check that partitions follow one another.
 *
 * @param first   ordinal of the partition's first file with responses, −1 when it has none
 * @param last    ordinal of its last such file, −1 when it has none
 * @param scatter (n, μ, M2) of the partition's z_i
 */
record PartitionScatter(int first, int last, CentredScatter scatter) implements Serializable {

    /** The summary of the blocks of one partition, rows shifted by {@code origin}. */
    static PartitionScatter of(Iterator<MeanRows> blocks, double[] origin) {
        CentredScatter s = CentredScatter.about(origin);
        int first = -1, last = -1;
        while (blocks.hasNext()) {
            MeanRows b = blocks.next();
            if (first < 0) first = b.ordinal();
            last = b.ordinal();
            for (double[] z : b.z()) s.add(z);
        }
        return new PartitionScatter(first, last, s);
    }
}
