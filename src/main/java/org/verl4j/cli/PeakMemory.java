package org.verl4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident set size ({@code VmHWM} of {@code /proc/self/status}; Linux only). */
final class PeakMemory {

    private PeakMemory() {
    }

    /** VmHWM as written there (e.g. {@code "927864 kB"}), or {@code "n/a"} where the file does not exist. */
    static String residentHighWaterMark() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("VmHWM:")) return line.substring(6).trim();
        } catch (IOException | UnsupportedOperationException e) {
            return "n/a";
        }
        return "n/a";
    }
}
