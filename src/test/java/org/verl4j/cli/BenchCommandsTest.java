package org.verl4j.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench train} and {@code bench model} at toy sizes: they run, print their table, and reject bad input. */
class BenchCommandsTest {

    @Test
    void trainBenchPrintsOneRowWithoutAnAnchorOffTheAnchoredShape() {
        CliRun run = CliRun.of("bench", "train", "--model", "tiny", "--batch", "2", "--prompt", "3", "--response", "4",
                "--steps", "1", "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("| tiny | 0.8 M | 2 × 7 |").contains("| — | — |").contains("peak resident memory");
    }

    @Test
    void modelBenchPrintsOneRowPerBatchAndTheLogProbForward() {
        CliRun run = CliRun.of("bench", "model", "--model", "tiny", "--batches", "1,3", "--prompt", "4",
                "--new-tokens", "2", "--repeats", "1", "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("\\n\\| 1 \\| \\d+").containsPattern("\\n\\| 3 \\| \\d+")
                .contains("log-prob forward");
    }

    @Test
    void badInputIsOneClearError() {
        assertThat(CliRun.of("bench", "train", "--steps", "0").err()).contains("verl4j: error: --steps must be ≥ 1, got 0");
        CliRun missing = CliRun.of("bench", "model", "--model", "no/such/dir");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("--model must be tiny, 25m or a model directory; no/such/dir is none");
    }
}
