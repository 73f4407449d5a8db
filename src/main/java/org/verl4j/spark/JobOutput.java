package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * A job's output directory on any Hadoop file system: row sets as part-file directories (Spark's writers, in
 * partition order, so concatenating the part files gives input order) and small driver-side files (global
 * metrics, failures). The directory must not exist yet, checked before any work starts.
 */
final class JobOutput {

    private final Path root;
    private final Configuration conf;

    private JobOutput(Path root, Configuration conf) {
        this.root = root;
        this.conf = conf;
    }

    static JobOutput create(String directory, Configuration conf) throws IOException {
        Path root = new Path(directory);
        if (root.getFileSystem(conf).exists(root))
            throw new IllegalArgumentException("--out " + directory + ": already exists; give a new directory");
        return new JobOutput(root, conf);
    }

    /** Writes {@code rows} as {@code <stem>.json/} and/or {@code <stem>.parquet/}; JSON keeps null fields as null. */
    void rows(String stem, Dataset<Row> rows, Set<OutputFormat> formats) {
        for (OutputFormat format : formats) {
            String dir = new Path(root, format.directory(stem)).toString();
            switch (format) {
                case JSON -> rows.write().mode(SaveMode.ErrorIfExists).option("ignoreNullFields", "false").json(dir);
                case PARQUET -> rows.write().mode(SaveMode.ErrorIfExists).parquet(dir);
            }
        }
    }

    /** Writes {@code lines} (each without its newline) to the file {@code name} under the output directory. */
    void lines(String name, List<String> lines) throws IOException {
        Path file = new Path(root, name);
        FileSystem fs = file.getFileSystem(conf);
        try (FSDataOutputStream out = fs.create(file, false)) {
            for (String line : lines) out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Writes {@code text} as it is to the file {@code name} under the output directory. */
    void text(String name, String text) throws IOException {
        Path file = new Path(root, name);
        try (FSDataOutputStream out = file.getFileSystem(conf).create(file, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The path of {@code name} under the output directory. */
    String path(String name) {
        return new Path(root, name).toString();
    }
}
