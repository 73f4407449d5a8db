package org.verl4j.spark;

import org.apache.spark.Partition;
import org.apache.spark.rdd.PartitionCoalescer;
import org.apache.spark.rdd.PartitionGroup;
import org.apache.spark.rdd.RDD;
import scala.Option;

import java.io.Serializable;

/**
 * Coalesces an RDD's partitions into contiguous runs, in index order: group g holds the parent partitions
 * [⌊g·P/P'⌋, ⌊(g+1)·P/P'⌋). Spark's default coalescer promises no order: when the parent has preferred locations
 * (a cached parent on several executors has them) it groups partitions by host, which interleaves them; the
 * order-dependent pass of ALGORITHM.md §4 ({@link GlobalAggregation}) needs each group to be one stretch of the input order.
 */
final class ContiguousCoalescer implements PartitionCoalescer, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public PartitionGroup[] coalesce(int maxPartitions, RDD<?> parent) {
        Partition[] parents = parent.partitions();
        int groups = Math.max(1, Math.min(maxPartitions, parents.length));
        PartitionGroup[] out = new PartitionGroup[groups];
        for (int g = 0; g < groups; g++) {
            out[g] = new PartitionGroup(Option.empty());
            int from = (int) ((long) g * parents.length / groups), to = (int) ((long) (g + 1) * parents.length / groups);
            for (int i = from; i < to; i++) out[g].partitions().addOne(parents[i]);
        }
        return out;
    }
}
