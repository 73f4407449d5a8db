package org.verl4j.spark;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/**
 * The session a job runs in: the one already active in this JVM (tests, notebooks), else a new one with the
 * master that {@code spark-submit} configured, else {@code --master} (e.g. {@code local[4]} for local mode).
 */
final class SparkOptions {

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not started by spark-submit, e.g. local[4] (all cores: local[*]).")
    String master;

    SparkSession session(String job) {
        SparkSession.Builder builder = SparkSession.builder().appName("verl4j " + job);
        if (master != null) builder.master(master);
        else if (SparkSession.getActiveSession().isEmpty() && System.getProperty("spark.master") == null)
            throw new IllegalArgumentException("no Spark master: run under spark-submit, or give --master local[N]");
        SparkSession session = builder.getOrCreate();
        if (master != null) session.sparkContext().setLogLevel("WARN");   // local runs: the job's own lines, not Spark's INFO
        return session;
    }
}
