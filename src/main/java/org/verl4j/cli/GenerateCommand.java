package org.verl4j.cli;

import org.verl4j.io.TextLines;
import org.verl4j.commandline.OutputTarget;
import org.verl4j.commandline.SamplingOptions;
import org.verl4j.commandline.DeviceOptions;
import org.verl4j.io.AtomicFile;
import org.verl4j.rollout.Capture;
import org.verl4j.rollout.EngineOptions;
import org.verl4j.rollout.Prompt;
import org.verl4j.rollout.PromptFormat;
import org.verl4j.rollout.Rollout;
import org.verl4j.rollout.RolloutEngine;
import org.verl4j.rollout.RolloutLines;
import org.verl4j.rollout.SamplingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code verl4j generate --model DIR --prompts FILE.jsonl [sampling] [--template T] [--hidden-states DIR] [--out FILE]}:
 * the lines of {@link RolloutLines} (and with {@code --hidden-states} each response's .npy). A summary line with
 * tokens/s goes to stderr.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Sample responses with per-token log-probs and ER/ERV/ERA of their hidden states.")
public final class GenerateCommand implements Runnable {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Hugging Face model directory.")
    Path model;

    @Option(names = "--prompts", required = true, paramLabel = "FILE", description = "JSON Lines with 'prompt' (and 'id').")
    Path prompts;

    @Option(names = "--template", defaultValue = "plain", paramLabel = "T",
            description = "plain | abel | qwen-boxed | chat (default ${DEFAULT-VALUE}).")
    String template;

    @Option(names = "--hidden-states", paramLabel = "DIR", description = "Also write each response's hidden states as .npy.")
    Path hiddenStates;

    @Option(names = "--layer", paramLabel = "L",
            description = "Take Z from the residual stream after decoder block L (0-based) instead of the final norm.")
    Integer layer;

    @Option(names = "--metric-threads", defaultValue = "1", paramLabel = "N",
            description = "Threads computing ER/ERV/ERA as responses finish (default ${DEFAULT-VALUE}).")
    int metricThreads;

    @Option(names = "--out", paramLabel = "FILE", description = "Output JSON Lines (default: standard output).")
    Path out;

    @Mixin
    SamplingOptions sampling;

    @Mixin
    DeviceOptions device;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        OutputTarget.refuseInputs("--out", out, List.of(prompts));
        PromptFormat format = PromptFormat.named(template);
        SamplingConfig config = sampling.config(SamplingConfig.DEFAULTS);
        TextLines input = TextLines.read(prompts, "prompt");
        EngineOptions options = EngineOptions.cpu(device.threads()).withOrt(device.runnerOptions())
                .withMetricThreads(metricThreads)
                .withCapture(layer == null ? Capture.FINAL_NORM : new Capture.Block(layer))
                .withRetention(hiddenStates != null ? EngineOptions.Retention.KEEP : EngineOptions.Retention.DISCARD);
        try (RolloutEngine engine = RolloutEngine.open(model, options)) {
            List<Prompt> list = new ArrayList<>();
            for (TextLines.Row row : input.rows()) {
                try {
                    list.add(new Prompt(row.id(), engine.tokenizer().encode(format.render(row.text(), engine.tokenizer()))));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(prompts + " line " + row.line() + ": " + e.getMessage(), e);
                }
            }
            long start = System.nanoTime();
            PrintWriter err = spec.commandLine().getErr();
            long[] shown = {0};
            List<Rollout> rollouts = engine.generate(list, config, (done, total, tokens) -> {
                long now = System.nanoTime();
                if (now - shown[0] < 200_000_000L && done < total) return;       // at most five updates a second
                shown[0] = now;
                int filled = total == 0 ? 0 : 30 * done / total;
                double seconds = (System.nanoTime() - start) / 1e9;
                err.printf("\r[%s%s] %d/%d responses, %.0f tok/s", "#".repeat(filled), " ".repeat(30 - filled), done, total,
                        tokens / Math.max(seconds, 1e-9));
                err.flush();
            });
            err.println();
            write(engine, rollouts);
            double seconds = engine.timings().totalSeconds();
            spec.commandLine().getErr().printf("generated %d responses, %d tokens in %.2f s (%.0f tok/s; ONNX Runtime %.2f s)%n",
                    rollouts.size(), engine.timings().tokens(), seconds, engine.timings().tokens() / seconds,
                    engine.timings().ortSeconds());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** Standard output, or {@code --out} written atomically (special files written through: io.AtomicFile). */
    private void write(RolloutEngine engine, List<Rollout> rollouts) throws IOException {
        int d = engine.config().hiddenSize();
        Optional<Path> dir = Optional.ofNullable(hiddenStates);
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            RolloutLines.write(rollouts, engine.tokenizer(), d, dir, w);
            w.flush();
        } else {
            AtomicFile.writeText(out, w -> RolloutLines.write(rollouts, engine.tokenizer(), d, dir, w));
        }
    }
}
