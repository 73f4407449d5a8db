package org.verl4j.spark;

import org.apache.spark.sql.SparkSession;
import org.verl4j.io.DType;
import org.verl4j.io.NpyWriter;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test: measures the metrics job in local[N] against {@code verl4j metrics --threads N} on the same files,
 * in one JVM after start-up (each configuration run once to warm up, then timed alternately), wall and process
 * CPU time. Files: F batch .npy of R responses, T×d float32 Gaussian walks (seed 12).
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java $(spark.jvm.options) -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *      org.verl4j.spark.SparkOverheadBench WORKDIR N "F×R×T×d" ...
 * </pre>
 */
public final class SparkOverheadBench {

    private SparkOverheadBench() {
    }

    public static void main(String[] args) throws IOException {
        Path work = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        SparkSession spark = SparkSession.builder().master("local[" + threads + "]").appName("bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        System.out.println("shape F×R×T×d | responses | cli wall s | spark wall s | wall ratio | cli cpu s | spark cpu s | cpu ratio");
        for (int a = 2; a < args.length; a++) {
            String[] p = args[a].split("×");
            int f = Integer.parseInt(p[0]), r = Integer.parseInt(p[1]), t = Integer.parseInt(p[2]), d = Integer.parseInt(p[3]);
            Path dir = Files.createDirectories(work.resolve(args[a]));
            List<String> files = write(dir, f, r, t, d);
            double[] cli = {0, 0}, job = {0, 0};
            for (int rep = 0; rep < 3; rep++) {                                // rep 0 warms up, reps 1–2 are timed
                double[] c = time(() -> cli(files, threads));
                Path out = Files.createTempDirectory(work, "out-").resolve("job");
                double[] s = time(() -> job(dir, out, threads));
                if (rep > 0) for (int k = 0; k < 2; k++) {
                    cli[k] += c[k] / 2;
                    job[k] += s[k] / 2;
                }
            }
            System.out.printf(Locale.ROOT, "%s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f%n", args[a], f * r,
                    cli[0], job[0], job[0] / cli[0], cli[1], job[1], job[1] / cli[1]);
        }
        spark.stop();
    }

    private static void cli(List<String> files, int threads) {
        List<String> args = new ArrayList<>(List.of("metrics", "--threads", String.valueOf(threads), "--global", "--out",
                files.get(0) + ".cli.jsonl"));
        args.addAll(files);
        if (org.verl4j.cli.Main.commandLine().execute(args.toArray(String[]::new)) != 0) throw new IllegalStateException("cli failed");
    }

    private static void job(Path dir, Path out, int threads) {
        int code = SparkMain.commandLine().execute("metrics", "--global", "--format", "json", "--out", out.toString(), dir.toString());
        if (code != 0) throw new IllegalStateException("job failed");
    }

    /** {wall seconds, process CPU seconds} of {@code work}. */
    private static double[] time(Runnable work) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime(), wall = System.nanoTime();
        work.run();
        return new double[]{(System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9};
    }

    private static List<String> write(Path dir, int f, int r, int t, int d) throws IOException {
        Random random = new Random(12);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < f; i++) {
            Path file = dir.resolve(String.format(Locale.ROOT, "h%05d.npy", i));
            files.add(file.toString());
            if (Files.exists(file)) continue;
            double[] z = new double[r * t * d];
            for (int k = 0; k < r; k++) {
                double[] x = new double[d];
                for (int row = 0; row < t; row++)
                    for (int j = 0; j < d; j++) z[(k * t + row) * d + j] = x[j] += random.nextGaussian();
            }
            NpyWriter.writeDoubles(file, DType.F32, new long[]{r, t, d}, z);
        }
        return files;
    }
}
