package org.verl4j.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void aFailingWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("out.jsonl");
        Files.writeString(target, "old\n");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write("half of the new content".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk on fire");
        })).hasMessage("disk on fire");
        assertThat(Files.readString(target)).isEqualTo("old\n");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(target);
        }
    }

    @Test
    void createsMissingDirectoriesAndReplacesTheTarget() throws IOException {
        Path target = dir.resolve("a/b/out.txt");
        AtomicFile.write(target, out -> out.write('1'));
        AtomicFile.write(target, out -> out.write('2'));
        assertThat(Files.readString(target)).isEqualTo("2");
        try (var listing = Files.list(target.getParent())) {
            assertThat(listing).containsExactly(target);
        }
    }
}
