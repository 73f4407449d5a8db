package org.verl4j.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Median wall-clock and process-CPU seconds of repeated runs. CPU time counts every thread of this JVM, so on a
 * machine shared with other work it shows what the run itself cost while the wall time also shows the waiting.
 */
public record Timing(double wallSeconds, double cpuSeconds) {

    public static Timing median(Runnable work, int runs) {
        double[] wall = new double[runs], cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long cpu0 = processCpuNanos(), wall0 = System.nanoTime();
            work.run();
            wall[i] = (System.nanoTime() - wall0) * 1e-9;
            cpu[i] = (processCpuNanos() - cpu0) * 1e-9;
        }
        return new Timing(median(wall), median(cpu));
    }

    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
            return os.getProcessCpuTime();
        return 0;                                                       // not available: the CPU column reads 0
    }
}
