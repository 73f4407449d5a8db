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
 * Not a test: measures a job in local[N] against the single-machine command on the same input, in one JVM after
 * start-up (each configuration run once to warm up, then timed alternately), wall and process CPU time.
 * <ul>
 *   <li>{@code F×R×T×d}: the metrics job against {@code verl4j metrics --threads N --global} on F batch .npy files
 *       of R responses, T×d float32 Gaussian walks (seed 12);</li>
 *   <li>{@code grade×K}: the grade job against {@code verl4j grade --threads N} on ../shared's 400 real responses
 *       of grader-dev repeated K times (answers from its {@code gt} field).</li>
 * </ul>
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java $(spark.jvm.options) -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *      org.verl4j.spark.SparkOverheadBench WORKDIR N "F×R×T×d" "grade×K" ...
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
        System.out.println("case | responses | cli wall s | spark wall s | wall ratio | cli cpu s | spark cpu s | cpu ratio");
        for (int a = 2; a < args.length; a++) {
            String[] p = args[a].split("×");
            Path dir = Files.createDirectories(work.resolve(args[a]));
            Case c = p[0].equals("grade") ? grade(dir, Integer.parseInt(p[1]), threads) : metrics(dir, p, threads);
            double[] cli = {0, 0}, job = {0, 0};
            for (int rep = 0; rep < 3; rep++) {                                // rep 0 warms up, reps 1–2 are timed
                double[] t = time(c.cli());
                Path out = Files.createTempDirectory(work, "out-").resolve("job");
                double[] s = time(() -> c.job().accept(out));
                if (rep > 0) for (int k = 0; k < 2; k++) {
                    cli[k] += t[k] / 2;
                    job[k] += s[k] / 2;
                }
            }
            System.out.printf(Locale.ROOT, "%s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f%n", args[a], c.items(),
                    cli[0], job[0], job[0] / cli[0], cli[1], job[1], job[1] / cli[1]);
        }
        spark.stop();
    }

    /** One configuration: the single-machine run, the job's run into a fresh directory, and the responses measured. */
    private record Case(Runnable cli, java.util.function.Consumer<Path> job, int items) {
    }

    private static Case metrics(Path dir, String[] shape, int threads) throws IOException {
        int f = Integer.parseInt(shape[0]), r = Integer.parseInt(shape[1]), t = Integer.parseInt(shape[2]), d = Integer.parseInt(shape[3]);
        List<String> files = write(dir, f, r, t, d);
        List<String> cli = new ArrayList<>(List.of("metrics", "--threads", String.valueOf(threads), "--global", "--out",
                files.get(0) + ".cli.jsonl"));
        cli.addAll(files);
        return new Case(() -> run(org.verl4j.cli.Main.commandLine().execute(cli.toArray(String[]::new))),
                out -> run(SparkMain.commandLine().execute("metrics", "--global", "--format", "json", "--out", out.toString(), dir.toString())),
                f * r);
    }

    private static Case grade(Path dir, int repeats, int threads) throws IOException {
        Path source = Path.of("../shared/data/grader-dev/real_responses.jsonl");
        if (!Files.isRegularFile(source)) throw new IllegalStateException(source.toAbsolutePath() + ": not found (../shared beside the checkout)");
        List<String> lines = Files.readAllLines(source), all = new ArrayList<>();
        for (int k = 0; k < repeats; k++) all.addAll(lines);
        Path input = dir.resolve("responses.jsonl");
        Files.write(input, all);
        return new Case(() -> run(org.verl4j.cli.Main.commandLine().execute("grade", "--threads", String.valueOf(threads),
                "--answer-field", "gt", "--input", input.toString(), "--out", dir.resolve("cli.jsonl").toString())),
                out -> run(SparkMain.commandLine().execute("grade", "--answer-field", "gt", "--input", input.toString(),
                        "--out", out.toString())),
                all.size());
    }

    private static void run(int exitCode) {
        if (exitCode != 0) throw new IllegalStateException("run failed with exit code " + exitCode);
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
