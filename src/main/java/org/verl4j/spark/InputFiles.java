package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Expands the job's input arguments on the driver. Each argument is a Hadoop path or glob on any file system;
 * a matched file is taken as it is (an unsupported one fails on its executor and is counted), a matched
 * directory contributes its {@code .npy} and {@code .safetensors} files, recursively. Matches of one argument
 * are in path order; arguments keep their order — so naming files one by one gives the CLI's order.
 */
final class InputFiles {

    private InputFiles() {
    }

    /** The files of {@code patterns}, numbered in input order; an argument matching nothing is an error. */
    static List<InputFile> expand(List<String> patterns, Configuration conf) throws IOException {
        List<InputFile> files = new ArrayList<>();
        for (String pattern : patterns) {
            Path glob = new Path(pattern);
            FileSystem fs = glob.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(glob);
            List<String> found = new ArrayList<>();
            if (matches != null) {
                for (FileStatus status : matches) {
                    if (status.isDirectory()) found.addAll(hiddenStateFiles(fs, status.getPath()));
                    else found.add(status.getPath().toString());
                }
            }
            if (found.isEmpty()) throw new IllegalArgumentException(pattern + ": no such file, or no .npy/.safetensors file in it");
            found.sort(null);
            for (String path : found) files.add(new InputFile(files.size(), path));
        }
        return files;
    }

    /** Whether the name is one the metrics job reads ({@code .npy}, {@code .safetensors}, any case). */
    static boolean isHiddenStateFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".npy") || lower.endsWith(".safetensors");
    }

    private static List<String> hiddenStateFiles(FileSystem fs, Path directory) throws IOException {
        List<String> found = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(directory, true);
        while (it.hasNext()) {
            Path p = it.next().getPath();
            if (isHiddenStateFile(p.getName())) found.add(p.toString());
        }
        return found;
    }
}
