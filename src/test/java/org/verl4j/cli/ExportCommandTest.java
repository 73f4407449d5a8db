package org.verl4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.testing.SharedDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExportCommandTest {

    @TempDir
    Path work;

    @Test
    void exportsBothGraphsOfTheSharedCheckpoint() {
        Path model = SharedDir.require("models/arith-seq-llama-random");
        CliRun run = CliRun.of("export", "--model", model.toString(), "--work", work.toString(), "--capture-layers", "1,2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("LlamaForCausalLM", "795776 parameters", "generation.onnx", "logprobs.onnx");
        assertThat(work.resolve("generation.onnx")).isNotEmptyFile();
        assertThat(work.resolve("logprobs.onnx")).isNotEmptyFile();
    }

    @Test
    void aDirectoryThatIsNotAModelIsOneLineError() {
        CliRun run = CliRun.of("export", "--model", work.toString(), "--work", work.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("verl4j: error: ").contains("not a model directory").contains("config.json");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
