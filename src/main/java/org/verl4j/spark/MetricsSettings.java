package org.verl4j.spark;

import org.verl4j.metrics.ResponseInput;
import org.verl4j.metrics.ResponseStream;
import org.verl4j.rank.RankOptions;
import org.verl4j.rank.Truncation;

import java.io.Serializable;

/**
 * What every metrics task needs, shipped to executors.
 *
 * @param stride       s of ALGORITHM.md §3
 * @param maxLen       M of ALGORITHM.md §3
 * @param truncation   which M rows ERV/ERA keep
 * @param output       the columns of a response row
 * @param pool         whether tasks return each response's mean row z_i (for {@code --global}, ALGORITHM.md §4)
 * @param rowRule      which rows of a response count
 */
record MetricsSettings(int stride, int maxLen, Truncation truncation, MetricsRows.Columns output, ResponseStream.Pooling pool,
                       ResponseInput.Lengths rowRule) implements Serializable {

    MetricsSettings {
        new RankOptions(stride, maxLen, truncation);                   // validates on the driver, before any task
    }

    RankOptions rankOptions() {
        return new RankOptions(stride, maxLen, truncation);
    }
}
