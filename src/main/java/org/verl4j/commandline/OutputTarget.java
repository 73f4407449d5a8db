package org.verl4j.commandline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Checks an output path against the command's inputs before anything is read: {@code --out} naming an input
 * (directly, through a symbolic link or a hard link) would overwrite that input with the output, so it is refused.
 */
public final class OutputTarget {

    /** Text appended to every {@code --out} description. */
    public static final String HELP_NOTE = " Missing parent directories are created; a FIFO or device is written"
            + " through, never replaced; naming an input is refused.";

    private OutputTarget() {
    }

    /** Throws when {@code out} is the same file as one of {@code inputs}. */
    public static void refuseInputs(String option, Path out, Collection<Path> inputs) {
        if (out == null || !Files.exists(out)) return;
        for (Path in : inputs) {
            if (in != null && sameFile(out, in)) {
                throw new IllegalArgumentException(option + " " + out + " is the input " + in
                        + "; writing would overwrite it: choose another output path");
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
