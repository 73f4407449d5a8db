package org.verl4j.tasks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemJsonlTest {

    @Test
    void problemsRoundTripAndNoTemporaryFileRemains(@TempDir Path dir) throws IOException {
        TaskSplits s = TaskSplits.generate(ArithmeticTask.level(4), 25, 5, 3);
        Path file = dir.resolve("sub/train.jsonl");
        ProblemJsonl.write(file, s.train());
        assertThat(ProblemJsonl.read(file)).isEqualTo(s.train());
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("train.jsonl");
        }
    }

    @Test
    void theLineLayoutIsTheDocumentedOne() {
        Problem p = new Problem("arithmetic-l2-train-00000", "arithmetic", 2, "9-3+4", "10", "=6+4\n=10\n\\boxed{10}");
        assertThat(ProblemJsonl.line(p)).isEqualTo("{\"id\":\"arithmetic-l2-train-00000\",\"task\":\"arithmetic\","
                + "\"level\":2,\"prompt\":\"9-3+4\",\"answer\":\"10\",\"solution\":\"=6+4\\n=10\\n\\\\boxed{10}\"}");
    }

    @Test
    void aMalformedLineIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Problem p = new Problem("a", "arithmetic", 1, "1+1", "2", "=2\n\\boxed{2}");
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, List.of(ProblemJsonl.line(p), "{\"id\":\"b\",\"task\":\"arithmetic\",\"level\":\"one\"}"));
        assertThatThrownBy(() -> ProblemJsonl.read(file))
                .hasMessageContaining(file + " line 2").hasMessageContaining("level");
        Files.write(file, List.of("{not json"));
        assertThatThrownBy(() -> ProblemJsonl.read(file)).hasMessageContaining(file + " line 1");
    }
}
