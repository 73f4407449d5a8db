package org.verl4j.cli;

import org.verl4j.eval.EvalFiles;
import org.verl4j.commandline.EvalOptions;
import org.verl4j.commandline.DeviceOptions;
import org.verl4j.eval.EvalItem;
import org.verl4j.eval.EvalReport;
import org.verl4j.eval.Evaluator;
import org.verl4j.rollout.EngineOptions;
import org.verl4j.rollout.PromptFormat;
import org.verl4j.rollout.RolloutEngine;
import org.verl4j.rollout.SamplingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code verl4j eval --model DIR --benchmark NAME|FILE [--benchmark …] [--n 16 --temperature 0.6 --top-p 0.95
 * --template qwen-boxed --limit K --out DIR]}: samples, grades (ALGORITHM.md §9) and prints the pass@k table as Markdown;
 * with {@code --out} also writes {@code DIR/results.jsonl} (per problem: responses, extracted answers, verdicts),
 * {@code DIR/pass_at_k.json} and {@code DIR/pass_at_k.md} ({@link EvalFiles}). Options and their defaults (the
 * paper's sampling: T 0.6, top-p 0.95) are {@link EvalOptions}, shared with the Spark eval job.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a model on benchmarks or task splits: pass@k table (JSON, Markdown) and per-problem results.")
public final class EvalCommand implements Runnable {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Hugging Face model directory.")
    Path model;

    @Option(names = "--out", paramLabel = "DIR", description = "Write results.jsonl, pass_at_k.json and pass_at_k.md here.")
    Path out;

    @Mixin
    EvalOptions eval;

    @Mixin
    DeviceOptions device;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PromptFormat format = eval.format();                       // bad options and items fail before the model loads
        List<EvalItem> items = eval.items();
        SamplingConfig sampling = eval.sampling();
        EngineOptions options = device.engineOptions();
        EvalReport report;
        try (RolloutEngine engine = RolloutEngine.open(model, options)) {
            report = new Evaluator(engine, format, eval.graderThreads(), eval.timeoutMillis()).evaluate(items, sampling);
        }
        spec.commandLine().getOut().print(report.markdown());
        spec.commandLine().getOut().flush();                       // print() does not autoflush; main() exits next
        if (out != null) EvalFiles.write(out, report);
    }
}
