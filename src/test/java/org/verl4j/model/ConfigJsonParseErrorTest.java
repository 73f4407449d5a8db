package org.verl4j.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A config.json that is not JSON: one line naming the file, line and column (issue 11). */
class ConfigJsonParseErrorTest {

    @TempDir
    Path dir;

    @Test
    void aParseErrorIsOneLineWithFileLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\n  \"hidden_size\": 64,\n  \"vocab_size\": ,\n}\n");
        Throwable e = catchThrowable(() -> ModelConfig.read(dir));
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.getMessage()).doesNotContain("\n").contains("config.json: not valid JSON: line 3, column");
    }
}
