package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The input order of the jobs (it decides the §4 cumulative series): arguments in order, matches in path order. */
class InputFilesTest {

    @TempDir
    Path dir;

    private List<String> names(List<String> patterns) throws IOException {
        List<InputFile> files = InputFiles.expand(patterns, new Configuration(false));
        for (int k = 0; k < files.size(); k++) assertThat(files.get(k).ordinal()).isEqualTo(k);
        String root = dir.getFileName() + "/";
        return files.stream().map(f -> f.path().substring(f.path().indexOf(root) + root.length())).toList();   // relative to dir
    }

    @Test
    void argumentsKeepTheirOrderAndEachArgumentsMatchesComeInPathOrder() throws IOException {
        for (String name : List.of("b.npy", "a.npy", "c.safetensors", "notes.txt", "sub/z.npy", "sub/deeper/y.NPY")) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.createFile(file);
        }
        assertThat(names(List.of(dir.resolve("c.safetensors").toString(), dir.resolve("*.npy").toString())))
                .containsExactly("c.safetensors", "a.npy", "b.npy");
        assertThat(names(List.of(dir.toString())))                         // a directory: hidden-state files, recursively
                .containsExactly("a.npy", "b.npy", "c.safetensors", "sub/deeper/y.NPY", "sub/z.npy");
        assertThat(names(List.of(dir.resolve("notes.txt").toString()))).containsExactly("notes.txt");   // named: taken, fails later
    }

    @Test
    void anArgumentMatchingNothingIsNamed() {
        assertThatThrownBy(() -> names(List.of(dir.resolve("*.npy").toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("*.npy: no such file");
        assertThatThrownBy(() -> names(List.of(dir.toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no .npy/.safetensors file in it");
    }
}
