package org.verl4j.commandline;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * Says what went wrong in a {@link FileSystemException}: the JDK's message for these is often just the path
 * ({@code /some/dir}), which tells a user nothing.
 *
 * <pre>
 * NoSuchFileException("/a/b")       → "/a/b: no such file or directory"
 * AccessDeniedException("/a")       → "/a: permission denied"
 * FileSystemException("/a", null, "Not a directory") → "/a: Not a directory"  (the reason the OS gave)
 * </pre>
 */
final class FileSystemErrors {

    private FileSystemErrors() {
    }

    static String describe(FileSystemException e) {
        String where = e.getFile() == null ? "" : e.getFile();
        if (e.getOtherFile() != null) where += " -> " + e.getOtherFile();
        String reason = e.getReason();
        if (reason == null || reason.isBlank()) reason = defaultReason(e);
        return where.isEmpty() ? reason : where + ": " + reason;
    }

    private static String defaultReason(FileSystemException e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileAlreadyExistsException) return "already exists";
        if (e instanceof NotDirectoryException) return "not a directory";
        if (e instanceof DirectoryNotEmptyException) return "directory not empty";
        if (e instanceof FileSystemLoopException) return "symbolic link loop";
        if (e instanceof NotLinkException) return "not a symbolic link";
        return "file-system error (" + e.getClass().getSimpleName() + ")";
    }
}
