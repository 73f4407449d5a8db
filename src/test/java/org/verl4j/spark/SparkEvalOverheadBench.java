package org.verl4j.spark;

import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: measures the eval job in local[N] against {@code verl4j eval} on the same problems, in one JVM after
 * start-up (each configuration run once to warm up, then timed alternately, reps 1–2 averaged), wall and process
 * CPU time. The CLI opens its engine on every run; the job opens it once per JVM (so from rep 1 on it does not).
 * Problems: the first K of {@code benchmarks-data/arithmetic-l4} with the shipped model, T 1, top-p 1, seed 1.
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java $(spark.jvm.options) -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *      org.verl4j.spark.SparkEvalOverheadBench WORKDIR N K n THREADS PARTITIONS
 * </pre>
 * runs {@code verl4j eval --threads THREADS} against {@code verl4j-spark eval --threads THREADS --partitions
 * PARTITIONS} in local[N].
 */
public final class SparkEvalOverheadBench {

    private SparkEvalOverheadBench() {
    }

    public static void main(String[] args) throws IOException {
        Path work = Files.createDirectories(Path.of(args[0]));
        int slots = Integer.parseInt(args[1]);
        String limit = args[2], n = args[3], threads = args[4], partitions = args[5];
        SparkSession spark = SparkSession.builder().master("local[" + slots + "]").appName("bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        List<String> common = List.of("eval", "--model", "models/verl4j-arith-tiny", "--benchmark", "arithmetic-l4", "--limit", limit,
                "--n", n, "--max-new-tokens", "128", "--template", "chat", "--temperature", "1", "--top-p", "1", "--seed", "1",
                "--threads", threads);
        double[] cli = {0, 0}, job = {0, 0};
        for (int rep = 0; rep < 3; rep++) {                                    // rep 0 warms up, reps 1–2 are timed
            double[] c = time(() -> run(org.verl4j.cli.Main.commandLine(), common, List.of("--out", temp(work, "cli"))));
            double[] s = time(() -> run(SparkMain.commandLine(), common, List.of("--partitions", partitions, "--out", temp(work, "job"))));
            if (rep > 0) for (int k = 0; k < 2; k++) {
                cli[k] += c[k] / 2;
                job[k] += s[k] / 2;
            }
        }
        System.out.println("local[N] | problems × n | threads | partitions | cli wall s | spark wall s | wall ratio | cli cpu s | spark cpu s | cpu ratio");
        System.out.printf(Locale.ROOT, "local[%d] | %s × %s | %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f%n", slots, limit, n, threads, partitions,
                cli[0], job[0], job[0] / cli[0], cli[1], job[1], job[1] / cli[1]);
        spark.stop();
    }

    private static String temp(Path work, String prefix) {
        try {
            return Files.createTempDirectory(work, prefix + "-").resolve("out").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void run(picocli.CommandLine cli, List<String> common, List<String> more) {
        List<String> args = new ArrayList<>(common);
        args.addAll(more);
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        if (cli.execute(args.toArray(String[]::new)) != 0) throw new IllegalStateException("failed: " + err);
    }

    /** {wall seconds, process CPU seconds} of {@code work}. */
    private static double[] time(Runnable work) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime(), wall = System.nanoTime();
        work.run();
        return new double[]{(System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9};
    }
}
