package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Hadoop path made readable by the io package (which reads with positional {@code FileChannel} reads): a
 * {@code file:} path is used in place; any other file system's file is copied once to a local temporary file,
 * deleted on {@link #close()}. The copy costs one sequential read of the file, the same bytes the readers read.
 */
final class LocalFile implements AutoCloseable {

    private final Path path;
    private final boolean temporary;

    private LocalFile(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    static LocalFile of(String hadoopPath, Configuration conf) throws IOException {
        URI uri = URI.create(hadoopPath);
        if (uri.getScheme() == null || uri.getScheme().equals("file")) return new LocalFile(Path.of(uri.getPath()), false);
        org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(uri);
        String name = source.getName();
        Path copy = Files.createTempFile("verl4j-", "-" + name);
        try {
            FileSystem fs = source.getFileSystem(conf);
            fs.copyToLocalFile(false, source, new org.apache.hadoop.fs.Path(copy.toUri()), true);
            return new LocalFile(copy, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (temporary) Files.deleteIfExists(path);
    }
}
