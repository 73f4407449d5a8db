package org.verl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.io.NpyFile;
import org.verl4j.rollout.TinyModels;
import org.verl4j.testing.SharedDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code generate}, {@code tokenize} and {@code eval} end to end on a small random model written to a temp dir. */
class RolloutCommandsTest {

    @TempDir
    Path tmp;

    private Path model() throws IOException {
        return TinyModels.write(tmp.resolve("model"), TinyModels.config(), 3L);
    }

    @Test
    void generateWritesOneLinePerResponseAndHiddenStates() throws IOException {
        Path prompts = Files.writeString(tmp.resolve("p.jsonl"), "{\"prompt\":\"12,3\",\"id\":\"a\"}\n\n{\"prompt\":\"7\"}\n");
        Path hidden = tmp.resolve("z");
        CliRun run = CliRun.of("generate", "--model", model().toString(), "--prompts", prompts.toString(), "--n", "2",
                "--max-new-tokens", "9", "--seed", "4", "--template", "chat", "--hidden-states", hidden.toString(), "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).extracting(l -> l.get("id").asText() + "/" + l.get("sample").asInt())
                .containsExactly("a/0", "a/1", "3/0", "3/1");
        for (JsonNode l : lines) {
            int t = l.get("token_ids").size();
            assertThat(l.get("logprobs").size()).isEqualTo(t);
            assertThat(l.get("finish_reason").asText()).isIn("stop", "length");
            Path npy = hidden.resolve(l.get("id").asText() + "-" + l.get("sample").asInt() + ".npy");
            try (NpyFile f = NpyFile.open(npy)) {
                assertThat(f.header().shape()).containsExactly(t, TinyModels.config().hiddenSize());
            }
        }
        assertThat(run.err()).contains("tok/s");
    }

    @Test
    void badInputIsOneErrorNamingFileAndLine() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "\n");
        CliRun none = CliRun.of("generate", "--model", model().toString(), "--prompts", empty.toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("verl4j: error:").contains("empty.jsonl").contains("no rows");
        Path bad = Files.writeString(tmp.resolve("bad.jsonl"), "{\"prompt\":\"1\"}\n{\"text\":\"2\"}\n");
        assertThat(CliRun.of("generate", "--model", model().toString(), "--prompts", bad.toString()).err())
                .contains("bad.jsonl line 2").contains("'prompt'");
        Path ok = Files.writeString(tmp.resolve("ok.jsonl"), "{\"prompt\":\"1\"}\n");
        assertThat(CliRun.of("generate", "--model", model().toString(), "--prompts", ok.toString(), "--top-p", "0").err())
                .contains("top-p");
        Path longPrompt = Files.writeString(tmp.resolve("long.jsonl"), "{\"prompt\":\"" + "1".repeat(600) + "\"}\n");
        assertThat(CliRun.of("generate", "--model", model().toString(), "--prompts", longPrompt.toString()).err())
                .contains("context is 512");
        assertThat(CliRun.of("generate", "--model", tmp.toString(), "--prompts", ok.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void tokenizeShowsIdsDecodedAndRenderedPrompt() throws IOException {
        Path input = Files.writeString(tmp.resolve("t.jsonl"), "{\"text\":\"12,3\"}\n");
        CliRun run = CliRun.of("tokenize", "--model", model().toString(), "--template", "chat", "--input", input.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode l = run.lines().get(0);
        assertThat(l.get("rendered").asText()).isEqualTo("12,3S");
        assertThat(l.get("ids").toString()).isEqualTo("[5,6,14,7,0]");
        assertThat(l.get("decoded").asText()).isEqualTo("12,3S");
    }

    @Test
    void tokenizeReproducesTheQwenGoldenFromOutside() throws IOException {
        Path dir = SharedDir.require("tokenizers/qwen3");
        CliRun run = CliRun.of("tokenize", "--tokenizer", dir.resolve("tokenizer.json").toString(), "--input",
                dir.resolve("golden.jsonl").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> golden = CliRun.parse(Files.readString(dir.resolve("golden.jsonl")));
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSameSizeAs(golden);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).get("ids")).isEqualTo(golden.get(i).get("ids"));
            assertThat(lines.get(i).get("decoded")).isEqualTo(golden.get(i).get("decoded"));
        }
    }

    @Test
    void evalWritesTheTableAndPerProblemResultsForSeveralSplits() throws IOException {
        Path out = tmp.resolve("eval");
        CliRun run = CliRun.of("eval", "--model", model().toString(), "--benchmark", "arithmetic-l2", "--benchmark",
                "digit-completion-l1", "--limit", "3", "--n", "4", "--max-new-tokens", "6", "--template", "chat",
                "--out", out.toString(), "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("| arithmetic-l2 |").contains("| digit-completion-l1 |").contains("| Avg. |")
                .contains("pass@1").contains("pass@4").doesNotContain("pass@8");
        List<JsonNode> results = CliRun.parse(Files.readString(out.resolve("results.jsonl")));
        assertThat(results).hasSize(6);
        for (JsonNode r : results) {
            assertThat(r.get("responses").size()).isEqualTo(4);
            assertThat(r.get("correct").size()).isEqualTo(4);
        }
        JsonNode table = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("pass_at_k.json").toFile());
        double a = table.get("datasets").get("arithmetic-l2").get("pass@1").asDouble();
        double d = table.get("datasets").get("digit-completion-l1").get("pass@1").asDouble();
        assertThat(table.get("average").get("pass@1").asDouble()).isCloseTo((a + d) / 2, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void benchRolloutReportsEveryCase() throws IOException {
        CliRun run = CliRun.of("bench", "rollout", "--model", model().toString(), "--prompts", "2", "--n", "2",
                "--prompt", "3", "--new-tokens", "5", "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("bare greedy loop").contains("engine full").contains("| COMPACT |")
                .contains("| KEEP_ROWS |").contains("log-prob consistency");
    }

    @Test
    void evalGradesBenchmarkItemsWithTheMathGrader() throws IOException {
        Path data = SharedDir.require("data/benchmarks");
        Path out = tmp.resolve("eval-gsm8k");
        CliRun run = CliRun.of("eval", "--model", model().toString(), "--data", data.toString(), "--benchmark", "gsm8k",
                "--limit", "2", "--n", "2", "--max-new-tokens", "8", "--template", "plain", "--out", out.toString(), "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> results = CliRun.parse(Files.readString(out.resolve("results.jsonl")));
        assertThat(results).hasSize(2);
        org.verl4j.grader.MathGrader grader = new org.verl4j.grader.MathGrader();
        for (JsonNode r : results)
            for (int i = 0; i < 2; i++) {                     // each verdict is the grader's own on that response
                var v = grader.grade(r.get("responses").get(i).asText(), r.get("answer").asText(), "gsm8k");
                assertThat(r.get("correct").get(i).asBoolean()).isEqualTo(v.correct());
                assertThat(r.get("extracted").get(i).asText()).isEqualTo(v.extracted());
            }
        assertThat(Files.readString(out.resolve("pass_at_k.md"))).contains("| gsm8k |").contains("| Avg. |");
    }
}
