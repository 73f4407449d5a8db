package org.verl4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident set size ({@code VmHWM} of {@code /proc/self/status}; Linux only). */
public final class PeakMemory {

    private PeakMemory() {
    }

    /** VmHWM as written there (e.g. {@code "927864 kB"}), or {@code "n/a"} where the file does not exist. */
    public static String residentHighWaterMark() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("VmHWM:")) return line.substring(6).trim();
        } catch (IOException | UnsupportedOperationException e) {
            return "n/a";
        }
        return "n/a";
    }

    /** Peak resident memory with the JVM heap's share: {@code "6.8 GB (JVM heap committed 2.1 GB of at most 3.0 GB)"}. */
    public static String summary() {
        Runtime r = Runtime.getRuntime();
        return String.format("%s (JVM heap committed %.1f GB of at most %.1f GB)", residentHighWaterMark(),
                r.totalMemory() / 1e9, r.maxMemory() / 1e9);
    }
}
