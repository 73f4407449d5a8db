package org.verl4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.eval.EvalItem;
import org.verl4j.eval.EvalReport;
import org.verl4j.eval.Evaluator;
import org.verl4j.eval.ProblemResult;
import org.verl4j.io.AtomicFile;
import org.verl4j.rollout.EngineOptions;
import org.verl4j.rollout.PromptFormat;
import org.verl4j.rollout.RolloutEngine;
import org.verl4j.rollout.SamplingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code verl4j eval --model DIR --benchmark NAME|FILE [--benchmark …] [--n 16 --temperature 0.6 --top-p 0.95
 * --template qwen-boxed --limit K --out DIR]}: samples, grades (spec §9) and prints the pass@k table as Markdown;
 * with {@code --out} also writes {@code DIR/results.jsonl} (per problem: responses, extracted answers, verdicts),
 * {@code DIR/pass_at_k.json} and {@code DIR/pass_at_k.md}. Sampling defaults are the paper's (T 0.6, top-p 0.95).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a model on benchmarks or task splits: pass@k table (JSON, Markdown) and per-problem results.")
public final class EvalCommand implements Runnable {

    static final SamplingConfig PAPER = SamplingConfig.DEFAULTS.withN(16).withTemperature(0.6).withTopP(0.95).withMaxNewTokens(1024);

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Hugging Face model directory.")
    Path model;

    @Option(names = "--benchmark", required = true, paramLabel = "NAME|FILE", description = "Benchmark or task split (repeatable).")
    List<String> benchmarks;

    @Option(names = "--data", defaultValue = "benchmarks-data", paramLabel = "DIR",
            description = "Where NAME/test.jsonl is looked up (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--template", defaultValue = "qwen-boxed", paramLabel = "T",
            description = "plain | abel | qwen-boxed | chat (default ${DEFAULT-VALUE}).")
    String template;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "K", description = "First K problems of each (0 = all).")
    int limit;

    @Option(names = "--grader-threads", defaultValue = "2", paramLabel = "N", description = "Grading threads (default ${DEFAULT-VALUE}).")
    int graderThreads;

    @Option(names = "--timeout-ms", defaultValue = "5000", paramLabel = "MS", description = "Per-response grading deadline (default ${DEFAULT-VALUE}).")
    long timeoutMillis;

    @Option(names = "--out", paramLabel = "DIR", description = "Write results.jsonl, pass_at_k.json and pass_at_k.md here.")
    Path out;

    @Mixin
    SamplingOptions sampling;

    @Mixin
    DeviceOptions device;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PromptFormat format = PromptFormat.named(template);
        List<EvalItem> items = new ArrayList<>();
        for (String b : benchmarks) items.addAll(EvalSources.resolve(b, data, limit));
        SamplingConfig config = sampling.config(PAPER);
        EngineOptions options = EngineOptions.cpu(device.threads()).withOrt(device.runnerOptions());
        EvalReport report;
        try (RolloutEngine engine = RolloutEngine.open(model, options)) {
            report = new Evaluator(engine, format, graderThreads, timeoutMillis).evaluate(items, config);
        }
        spec.commandLine().getOut().print(report.markdown());
        if (out != null) write(report);
    }

    private void write(EvalReport report) {
        ObjectMapper json = new ObjectMapper();
        try {
            Files.createDirectories(out);
            StringBuilder lines = new StringBuilder();
            for (ProblemResult p : report.problems()) {
                ObjectNode o = json.valueToTree(p);
                o.put("num_correct", p.numCorrect());
                lines.append(json.writeValueAsString(o)).append('\n');
            }
            writeText(out.resolve("results.jsonl"), lines.toString());
            ObjectNode table = json.createObjectNode();
            table.set("datasets", json.valueToTree(report.table()));
            table.set("average", json.valueToTree(report.average()));
            writeText(out.resolve("pass_at_k.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(table) + "\n");
            writeText(out.resolve("pass_at_k.md"), report.markdown());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static void writeText(Path file, String text) throws IOException {
        AtomicFile.write(file, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
