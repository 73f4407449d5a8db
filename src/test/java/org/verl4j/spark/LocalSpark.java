package org.verl4j.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The session of one Spark test class: local[2] (CI's two cores), no UI, two shuffle partitions, bound to the
 * loopback interface. The jobs' {@code getOrCreate()} picks it up, as they would under spark-submit.
 */
final class LocalSpark {

    private LocalSpark() {
    }

    static SparkSession start(String testClass) {
        return SparkSession.builder()
                .appName(testClass)
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
