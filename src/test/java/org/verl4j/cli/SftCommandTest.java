package org.verl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.model.ModelConfig;
import org.verl4j.sft.CharModelDirectory;
import org.verl4j.tasks.ArithmeticTask;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verl4j sft} end to end on a tiny shape: the files, sft.json, byte-identical reruns (one ONNX Runtime thread:
 * the guarantee the command documents), continuing from --init.
 */
class SftCommandTest {

    @TempDir
    Path dir;

    private static String[] args(Path out, String... more) {
        return args(out, 8, more);
    }

    private static String[] args(Path out, int steps, String... more) {
        String[] base = {"sft", "--task", "arithmetic", "--level", "1", "--problems", "24", "--data-seed", "3",
                "--hidden", "16", "--layers", "1", "--heads", "2", "--intermediate", "24", "--steps", Integer.toString(steps), "--batch", "6",
                "--lr", "1e-2", "--threads", "1", "--log-every", "4", "--out", out.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void writesAHuggingFaceDirectoryAndTheSameBytesAgain() throws IOException {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        CliRun first = CliRun.of(args(a, "--save-every", "4"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("step 4/8").contains("step 8/8");
        for (String f : new String[]{"config.json", "model.safetensors", "generation_config.json", "tokenizer_config.json", "sft.json"})
            assertThat(a.resolve(f)).isRegularFile();
        CharModelDirectory model = CharModelDirectory.read(a);
        ModelConfig c = model.weights().config();
        assertThat(c.hiddenSize()).isEqualTo(16);
        assertThat(c.vocabSize()).isEqualTo(4 + ArithmeticTask.ALPHABET.length());
        assertThat(model.tokenizer().characters()).isEqualTo(ArithmeticTask.ALPHABET);
        JsonNode sft = new ObjectMapper().readTree(a.resolve("sft.json").toFile());
        assertThat(sft.get("steps").asInt()).isEqualTo(8);
        assertThat(sft.get("last_loss").asDouble()).isLessThan(sft.get("first_loss").asDouble());

        CliRun second = CliRun.of(args(b, 4));
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Files.readAllBytes(b.resolve("model.safetensors")))       // = the step-4 save of the 8-step run
                .isEqualTo(Files.readAllBytes(a.resolve("step-4/model.safetensors")));
    }

    @Test
    void continuesFromAnExistingDirectoryAndRefusesAShapeWithIt() throws IOException {
        Path a = dir.resolve("a");
        assertThat(CliRun.of(args(a)).exitCode()).isZero();
        CliRun more = CliRun.of("sft", "--task", "arithmetic", "--level", "1", "--problems", "24", "--init", a.toString(),
                "--steps", "2", "--batch", "6", "--eval", writeEval(), "--out", dir.resolve("c").toString());
        assertThat(more.exitCode()).as(more.err()).isZero();
        JsonNode sft = new ObjectMapper().readTree(dir.resolve("c/sft.json").toFile());
        assertThat(sft.get("init").asText()).isEqualTo(a.toString());
        assertThat(sft.has("eval_loss_before")).isTrue();
        assertThat(sft.get("eval_greedy_pass@1").asDouble()).isIn(0.0, 1.0);          // one eval problem: 0 or 1

        CliRun refused = CliRun.of("sft", "--task", "arithmetic", "--level", "1", "--problems", "24", "--init", a.toString(),
                "--hidden", "32", "--out", dir.resolve("d").toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("verl4j: error: --init DIR takes its shape from DIR");
    }

    @Test
    void aTrainFileLosesItsHeldOutPrompts() throws IOException {
        Path train = dir.resolve("train.jsonl");
        Files.writeString(train, problem("t0", "1+2", "3") + problem("t1", "3+4", "7") + problem("t2", "5-1", "4"));
        Path held = dir.resolve("held.jsonl");
        Files.writeString(held, problem("h0", "3+4", "7"));
        CliRun run = CliRun.of("sft", "--train", train.toString(), "--exclude", held.toString(), "--hidden", "8",
                "--layers", "1", "--heads", "2", "--intermediate", "8", "--steps", "1", "--batch", "2",
                "--out", dir.resolve("t").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(dir.resolve("t/sft.json").toFile()).get("examples").asInt()).isEqualTo(2);
    }

    private static String problem(String id, String prompt, String answer) {
        return "{\"id\":\"" + id + "\",\"task\":\"arithmetic\",\"level\":1,\"prompt\":\"" + prompt + "\",\"answer\":\""
                + answer + "\",\"solution\":\"=" + answer + "\\n\\\\boxed{" + answer + "}\"}\n";
    }

    private String writeEval() throws IOException {
        Path f = dir.resolve("eval.jsonl");
        Files.writeString(f, "{\"id\":\"e0\",\"task\":\"arithmetic\",\"level\":1,\"prompt\":\"3+4\",\"answer\":\"7\",\"solution\":\"=7\\n\\\\boxed{7}\"}\n");
        return f.toString();
    }
}
