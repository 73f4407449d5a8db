package org.verl4j.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The temporaries of {@link AtomicFile}: {@code .NAME.PID.NANOS.tmp} beside the target NAME, where PID is the
 * writing process. One whose process is no longer alive was left by a crash (kill -9, power loss) and is removed
 * on the next write to NAME; a temporary of a live process (a concurrent writer) is left alone, and so is every
 * file that does not follow this naming exactly.
 */
final class StaleTemporaries {

    private static final String SUFFIX = ".tmp";

    private StaleTemporaries() {
    }

    /** A fresh temporary name for the target file name {@code name}. */
    static String name(String name) {
        return "." + name + "." + ProcessHandle.current().pid() + "." + Long.toHexString(System.nanoTime()) + SUFFIX;
    }

    /** Removes the temporaries for {@code name} in {@code dir} whose writing process is gone. */
    static void sweep(Path dir, String name) throws IOException {
        String prefix = "." + name + ".";
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir, p -> {
            String f = p.getFileName().toString();
            return f.startsWith(prefix) && f.endsWith(SUFFIX);
        })) {
            for (Path p : listing) {
                Optional<Long> pid = pidOf(p.getFileName().toString(), prefix);
                boolean alive = pid.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
                if (pid.isPresent() && !alive && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The PID of ".NAME.PID.HEX.tmp", empty when the name does not follow the pattern exactly. */
    static Optional<Long> pidOf(String file, String prefix) {
        String middle = file.substring(prefix.length(), file.length() - SUFFIX.length());
        int dot = middle.indexOf('.');
        if (dot <= 0 || dot == middle.length() - 1) return Optional.empty();
        String pid = middle.substring(0, dot);
        String nanos = middle.substring(dot + 1);
        if (!pid.chars().allMatch(Character::isDigit) || pid.length() > 18) return Optional.empty();
        if (!nanos.chars().allMatch(c -> Character.digit(c, 16) >= 0) || nanos.length() > 16) return Optional.empty();
        return Optional.of(Long.parseLong(pid));
    }
}
