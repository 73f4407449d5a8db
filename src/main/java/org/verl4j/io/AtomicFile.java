package org.verl4j.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file atomically: the content goes to a temporary file in the target's directory, is forced to disk,
 * then moved over the target with {@link StandardCopyOption#ATOMIC_MOVE}. Readers see the old file or the whole
 * new one, never a partial write; on failure the temporary file is removed and the target is untouched.
 *
 * <pre>
 * target missing or a regular file   → temp ".NAME.PID.NANOS.tmp" beside it, forced, moved over it
 * target a symbolic link             → the file it points to is written (the link stays a link)
 * target a FIFO, device, /dev/null   → written through in place (never replaced: a device stays a device)
 * target a directory                 → error "is a directory"
 * missing parent directories         → created
 * </pre>
 *
 * A process killed between creating and moving its temporary leaves it behind; the next write to the same
 * target removes every temporary of this naming whose process id is no longer alive ({@link StaleTemporaries}).
 */
public final class AtomicFile {

    /** The body that writes the content (the stream is buffered; do not close it). */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A body that writes UTF-8 text (the writer is buffered; do not close it). */
    @FunctionalInterface
    public interface TextBody {
        void writeTo(java.io.Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code target} atomically with the UTF-8 text {@code body} produces. */
    public static void writeText(Path target, TextBody body) throws IOException {
        write(target, out -> {
            java.io.Writer writer = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
            body.writeTo(writer);
            writer.flush();
        });
    }

    /** Writes {@code target} atomically with the bytes {@code body} produces (through, if it is a special file). */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isSymbolicLink(absolute) && Files.exists(absolute)) absolute = absolute.toRealPath();
        if (Files.isDirectory(absolute)) throw new IOException(target + ": is a directory, not a file");
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            writeThrough(target, absolute, body);
            return;
        }
        Path dir = absolute.getParent();
        createDirectories(target, dir);
        StaleTemporaries.sweep(dir, absolute.getFileName().toString());
        Path temp = dir.resolve(StaleTemporaries.name(absolute.getFileName().toString()));
        try {
            // CREATE_NEW without explicit attributes: the new file gets the usual umask permissions (createTempFile
            // would make it owner-only), and an existing file of that name is never clobbered.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException(target + ": the file system cannot replace it atomically", e);
            }
        } catch (FileAlreadyExistsException clash) {
            throw new IOException(target + ": temporary file " + temp + " already exists; retry", clash);
        } catch (java.nio.file.AccessDeniedException denied) {
            Files.deleteIfExists(temp);
            throw new IOException(target + ": permission denied (directory " + dir + " not writable?)", denied);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** A FIFO, a character device or any other non-regular file: opened for writing as it is, never replaced. */
    private static void writeThrough(Path target, Path absolute, Body body) throws IOException {
        try (OutputStream raw = Files.newOutputStream(absolute, StandardOpenOption.WRITE);
             OutputStream out = new BufferedOutputStream(raw, 1 << 16)) {
            body.writeTo(out);
            out.flush();
        } catch (IOException e) {
            String why = e.getMessage() == null || e.getMessage().equals(absolute.toString()) ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException(target + ": writing to this special file failed: " + why, e);
        }
    }

    private static void createDirectories(Path target, Path dir) throws IOException {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) throw new IOException(target + ": " + p + " is a file, not a directory");
                break;
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException(target + ": cannot create directory " + dir + ": permission denied", e);
        }
    }
}
