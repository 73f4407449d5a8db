package org.verl4j.spark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.io.DType;
import org.verl4j.io.NpyWriter;
import scala.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ALGORITHM.md §4 on Spark by aggregation (GlobalAggregation) against {@code verl4j metrics --global} on the same files,
 * in local[2] with several partitions. Two routes: summaries (N &gt; d+1, rank-deficient z_i included) and the
 * first rows only (N ≤ d+1).
 *
 * <p><b>Tolerance.</b> Windows with more rows than d+1 come, on the CLI's side, from the fast path (the squared
 * route, which accepts a window only when its estimate of ER's relative error is ≤ 1e-10, {@code
 * SquaredSpectrum.TOLERANCE}, else the exact route), on the job's from the SVD of the summaries' triangular factor
 * (backward stable, ~1e-13). So |ΔE_j| ≤ 2e-10·E_j between the two, |Δv_j| ≤ |ΔE_j| + mean|ΔE| ≤ 4e-10·E_max,
 * |Δa_j| ≤ 8e-10·E_max, and ERV and ERA, means of those, within the same bounds. The first-rows route runs the
 * CLI's own code on the same doubles: equality is exact.
 */
class GlobalAggregationTest {

    private static final long SEED = 20261203L;
    private static final int D = 8;
    private static final double RELATIVE = 2e-10;

    @TempDir
    static Path dir;

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start(GlobalAggregationTest.class.getSimpleName());
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    @Test
    void summariesOverSeveralPartitionsGiveTheSingleMachineSeries() throws IOException {
        Path in = Files.createDirectory(dir.resolve("many"));
        List<Path> files = write(in, 12, 10);                               // N = 120 > d+1
        JobRun run = job(dir.resolve("out-many"), in, "--partitions", "12");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // P' = min(P, N/(2d)) = min(12, 7): the 12 one-file partitions coalesced into 7 runs; only z_1..z_{d+1}
        // reach the driver as rows (Zg would be 120 rows).
        assertThat(run.err()).contains("--global by aggregation over 7 summary partition(s); 9 mean row(s) collected");
        JsonNode expected = cli(files);
        assertCloseToTheCli(global(dir.resolve("out-many")), expected, 120, 4);

        JobRun two = job(dir.resolve("out-many-2"), in, "--partitions", "12", "--global-partitions", "2");
        assertThat(two.exitCode()).as(two.err()).isZero();
        assertThat(two.err()).contains("--global by aggregation over 2 summary partition(s); 9 mean row(s) collected");
        assertCloseToTheCli(global(dir.resolve("out-many-2")), expected, 120, 4);

        JobRun alone = JobRun.spark("metrics", "--out", dir.resolve("out-many-3").toString(), "--global-partitions", "2", in.toString());
        assertThat(alone.exitCode()).isEqualTo(1);
        assertThat(alone.err()).contains("verl4j-spark: error: --global-partitions needs --global");
    }

    @Test
    void theSmallestAggregatedCaseHasOneExecutorWindow() throws IOException {
        Path in = Files.createDirectory(dir.resolve("edge"));
        List<Path> files = write(in, 2, 5);                                      // N = 10 = d+2, stride 1
        JobRun run = job(dir.resolve("out-edge"), in, "--global-stride", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // windows t = 1..8 from the first d+1 rows on the driver, t = 9 (10 rows) from the scatter; P' = max(1, 10/16)
        assertThat(run.err()).contains("--global by aggregation over 1 summary partition(s); 9 mean row(s) collected");
        assertCloseToTheCli(global(dir.resolve("out-edge")), cli(files, "1"), 10, 1);
    }

    /** The aggregated global line against the CLI's, within the tolerances of the class comment. */
    private static void assertCloseToTheCli(JsonNode actual, JsonNode expected, int n, int stride) {
        assertThat(actual.get("N").asInt()).isEqualTo(n);
        for (String key : List.of("N", "d", "stride", "velocity_measured", "acceleration_measured"))
            assertThat(actual.get(key)).as(key).isEqualTo(expected.get(key));
        assertThat(actual.get("velocity_measured").asBoolean()).isTrue();
        assertThat(actual.get("acceleration_measured").asBoolean()).isTrue();
        assertThat(relative(actual.get("er"), expected.get("er"))).as("global ER").isLessThanOrEqualTo(RELATIVE);
        assertThat(absolute(actual.get("log_er"), expected.get("log_er"))).as("log ER = H; |ΔH| ≈ |ΔER|/ER")
                .isLessThanOrEqualTo(RELATIVE);
        JsonNode windows = actual.get("windows"), expectedWindows = expected.get("windows");
        assertThat(windows.size()).isEqualTo(expectedWindows.size()).isEqualTo((n - 1) / stride);
        double maxE = 0;
        for (JsonNode w : expectedWindows) maxE = Math.max(maxE, w.get("er").asDouble());
        for (int j = 0; j < windows.size(); j++) {
            JsonNode w = windows.get(j), e = expectedWindows.get(j);
            String at = "window " + (j + 1);
            assertThat(w.get("end")).as(at).isEqualTo(e.get("end"));
            assertThat(relative(w.get("er"), e.get("er"))).as(at + " E_j").isLessThanOrEqualTo(RELATIVE);
            assertThat(w.get("v").isNull()).as(at).isEqualTo(e.get("v").isNull());
            assertThat(w.get("a").isNull()).as(at).isEqualTo(e.get("a").isNull());
            if (!e.get("v").isNull()) assertThat(absolute(w.get("v"), e.get("v"))).as(at + " v_j").isLessThanOrEqualTo(2 * RELATIVE * maxE);
            if (!e.get("a").isNull()) assertThat(absolute(w.get("a"), e.get("a"))).as(at + " a_j").isLessThanOrEqualTo(4 * RELATIVE * maxE);
        }
        assertThat(absolute(actual.get("velocity"), expected.get("velocity"))).as("ERV").isLessThanOrEqualTo(2 * RELATIVE * maxE);
        assertThat(absolute(actual.get("acceleration"), expected.get("acceleration"))).as("ERA").isLessThanOrEqualTo(4 * RELATIVE * maxE);
    }

    @Test
    void theCoalescerKeepsRunsOfACachedParentInOrder() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) items.add(i);
        JavaRDD<Integer> parent = jsc.parallelize(items, 12).persist(StorageLevel.MEMORY_ONLY());
        parent.count();        // cached: preferred locations known (local mode has one host, so Spark's default
                               // coalescer happens to keep this order here too; on a cluster it groups by host)
        try {
            JavaRDD<Integer> runs = JavaRDD.fromRDD(parent.rdd().coalesce(7, false,
                    Option.apply(new ContiguousCoalescer()), null), parent.classTag());
            List<List<Integer>> groups = runs.glom().collect();
            assertThat(groups).hasSize(7);
            List<Integer> concatenated = new ArrayList<>();
            for (List<Integer> g : groups) concatenated.addAll(g);
            assertThat(concatenated).as("partition after partition, in input order").isEqualTo(items);
        } finally {
            parent.unpersist(false);
        }
    }

    @Test
    void fewerResponsesThanDPlusOneAreMeasuredFromTheirRows() throws IOException {
        Path in = Files.createDirectory(dir.resolve("few"));
        List<Path> files = new ArrayList<>(write(in, 2, 1));
        files.addAll(write(Files.createDirectory(in.resolve("more")), 1, 1));   // N = 3 < 2s+1 = 5
        JobRun run = job(dir.resolve("out-few"), in, "--partitions", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("--global over 3 response(s) ≤ d+1: their mean rows collected");
        JsonNode actual = global(dir.resolve("out-few"));
        assertThat(actual.get("velocity_measured").asBoolean()).isFalse();
        assertThat(actual.get("velocity").asDouble()).isZero();
        assertThat(actual).isEqualTo(cli(files));
    }

    @Test
    void rankDeficientMeanRowsAreAggregatedToo() throws IOException {
        Path in = Files.createDirectory(dir.resolve("flat"));
        List<Path> files = write(in, "h", 6, 5, 3);                             // d = 8, columns 3..7 zero: rank ≤ 3
        JobRun run = job(dir.resolve("out-flat"), in, "--partitions", "3", "--global-partitions", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // zero singular values: the triangular factor's SVD measures them; nothing is collected beyond z_1..z_{d+1}
        assertThat(run.err()).contains("--global by aggregation over 3 summary partition(s); 9 mean row(s) collected");
        assertCloseToTheCli(global(dir.resolve("out-flat")), cli(files), 30, 4);
    }

    @Test
    void aRankDeficientEarlyStretchIsAggregatedToo() throws IOException {
        Path in = Files.createDirectory(dir.resolve("flat-start"));
        List<Path> files = new ArrayList<>(write(in, "a", 3, 5, 3));           // z_1..z_15 in 3 of 8 columns
        files.addAll(write(in, "b", 6, 5, D));                                  // z_16..z_45 in general position
        JobRun run = job(dir.resolve("out-flat-start"), in, "--partitions", "9", "--global-partitions", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // t = 12 (13 rows of rank ≤ 3) and t = 16 (rank ≤ 4) have zero singular values, from t = 20 on rank 8
        assertThat(run.err()).contains("--global by aggregation over 3 summary partition(s)");
        assertCloseToTheCli(global(dir.resolve("out-flat-start")), cli(files), 45, 4);
    }

    @Test
    void responsesOfAnotherHiddenSizeAreOneLineNamingBothFiles() throws IOException {
        Path in = Files.createDirectory(dir.resolve("mixed"));
        write(in, 2, 3);                                                         // h000, h001: d = 8
        double[] narrow = new double[2 * 6 * 5];
        for (int i = 0; i < narrow.length; i++) narrow[i] = i % 7;
        NpyWriter.writeDoubles(in.resolve("h002.npy"), DType.F64, new long[]{2, 6, 5}, narrow);
        JobRun run = job(dir.resolve("out-mixed"), in);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("verl4j-spark: error:").contains("h002.npy: hidden size 5 differs from 8 of")
                .contains("h000.npy; --global pools responses of one hidden size").doesNotContain("\tat ");
    }

    private static JobRun job(Path out, Path in, String... flags) {
        List<String> args = new ArrayList<>(List.of("metrics", "--out", out.toString(), "--format", "json", "--global", "--windows"));
        args.addAll(List.of(flags));
        if (!args.contains("--global-stride")) args.addAll(List.of("--global-stride", "4"));
        args.add(in.toString());
        return JobRun.spark(args.toArray(String[]::new));
    }

    private static JsonNode cli(List<Path> files) {
        return cli(files, "4");
    }

    private static JsonNode cli(List<Path> files, String stride) {
        List<String> args = new ArrayList<>(List.of("metrics", "--global", "--global-stride", stride, "--windows"));
        for (Path f : files) args.add(f.toString());
        JobRun run = JobRun.cli(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = JobRun.parse(run.out());
        return lines.get(lines.size() - 1).get("global");
    }

    private static JsonNode global(Path out) throws IOException {
        return JobRun.parse(Files.readString(out.resolve("global.json"))).get(0).get("global");
    }

    private static double relative(JsonNode actual, JsonNode expected) {
        return Math.abs(actual.asDouble() - expected.asDouble()) / Math.abs(expected.asDouble());
    }

    private static double absolute(JsonNode actual, JsonNode expected) {
        return Math.abs(actual.asDouble() - expected.asDouble());
    }

    /** {@link #write(Path, String, int, int, int)} with every column used, files h000.npy, h001.npy, … */
    private static List<Path> write(Path in, int f, int r) throws IOException {
        return write(in, "h", f, r, D);
    }

    /**
     * F batch .npy files (float64, names in input order) of R responses, T = 6 rows of d columns each: a
     * per-response offset N(0, 4) plus a seeded Gaussian walk in the first {@code used} columns (the rest 0), so
     * the mean rows z_i are in general position within those columns.
     */
    private static List<Path> write(Path in, String prefix, int f, int r, int used) throws IOException {
        int d = D;
        Random random = new Random(SEED + 31L * f + r + used + prefix.hashCode());
        int t = 6;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < f; i++) {
            double[] z = new double[r * t * d];
            for (int k = 0; k < r; k++) {
                double[] x = new double[d];
                for (int j = 0; j < used; j++) x[j] = 2 * random.nextGaussian();
                for (int row = 0; row < t; row++)
                    for (int j = 0; j < used; j++) z[(k * t + row) * d + j] = x[j] += random.nextGaussian();
            }
            Path file = in.resolve(String.format(Locale.ROOT, "%s%03d.npy", prefix, i));
            NpyWriter.writeDoubles(file, DType.F64, new long[]{r, t, d}, z);
            files.add(file);
        }
        return files;
    }
}
