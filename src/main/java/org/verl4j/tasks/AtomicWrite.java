package org.verl4j.tasks;

import org.verl4j.io.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The task writers' view of {@link AtomicFile}: UTF-8 text, failures as unchecked errors naming the file. */
final class AtomicWrite {

    private AtomicWrite() {
    }

    /** Writes {@code body} as UTF-8 to {@code file} atomically (readers see the old or the whole new file). */
    static void write(Path file, AtomicFile.TextBody body) {
        try {
            AtomicFile.writeText(file, body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
