package org.verl4j.tasks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The splits committed under benchmarks-data/ are exactly what the documented commands generate. */
class CommittedSplitsTest {

    @ParameterizedTest
    @CsvSource({
            "digit-completion, 1, 720, 180, 1",
            "arithmetic,       2, 400, 100, 1",
            "arithmetic,       4, 400, 100, 1"})
    void committedSplitsRegenerateFromTheirSeed(String task, int level, int train, int test, long seed) {
        Path dir = Path.of("benchmarks-data", task + "-l" + level);
        TaskSplits expected = TaskSplits.generate(ReasoningTask.of(task, level), train, test, seed);
        assertThat(ProblemJsonl.read(dir.resolve("train.jsonl"))).isEqualTo(expected.train());
        assertThat(ProblemJsonl.read(dir.resolve("test.jsonl"))).isEqualTo(expected.test());
    }
}
