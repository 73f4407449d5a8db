package org.verl4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.eval.EvalItem;
import org.verl4j.eval.EvalReport;
import org.verl4j.eval.Evaluator;
import org.verl4j.io.AtomicFile;
import org.verl4j.model.DecoderWeights;
import org.verl4j.model.WeightLayout;
import org.verl4j.rollout.EngineOptions;
import org.verl4j.rollout.PromptFormat;
import org.verl4j.rollout.RolloutEngine;
import org.verl4j.rollout.SamplingConfig;
import org.verl4j.sft.CharModelDirectory;
import org.verl4j.sft.LlamaShape;
import org.verl4j.sft.SftConfig;
import org.verl4j.sft.SftData;
import org.verl4j.sft.SftExample;
import org.verl4j.sft.SftLoss;
import org.verl4j.sft.SupervisedFineTuning;
import org.verl4j.tasks.CharTokenizer;
import org.verl4j.tasks.Problem;
import org.verl4j.tasks.ProblemJsonl;
import org.verl4j.tasks.ReasoningTask;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code verl4j sft}: supervised warm start of a char-level decoder on a task's worked solutions
 * ({@link SupervisedFineTuning}), written as a Hugging Face directory ({@link CharModelDirectory}) plus
 * {@code sft.json} (the resolved settings, loss figures, wall time). Options left out take the defaults of
 * {@link SftConfig#DEFAULTS} and {@link LlamaShape#TINY}.
 */
@Command(name = "sft", mixinStandardHelpOptions = true,
        description = {"Supervised fine-tuning (warm start) of a char-level Llama on a task's",
                "reference solutions: prompt chars, S, solution chars, E; the loss is on the",
                "solution and E. Starts from a fresh seeded Llama (--hidden, --layers, --heads,",
                "--intermediate, --init-seed) or from --init DIR. Writes --out DIR: config.json,",
                "model.safetensors, generation_config.json, tokenizer_config.json (char_ords)",
                "and sft.json. With --threads 1 the same arguments give the same bytes; with",
                "more threads ONNX Runtime's CPU kernels round differently from run to run."})
public final class SftCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Data data;

    static final class Data {
        @Option(names = "--train", paramLabel = "FILE", description = "Training problems (JSON Lines of `tasks generate`).")
        Path train;

        @ArgGroup(exclusive = false)
        Generated generated;
    }

    static final class Generated {
        @Option(names = "--task", required = true, paramLabel = "NAME", description = "Draw problems of this task: arithmetic | digit-completion.")
        String task;

        @Option(names = "--level", required = true, paramLabel = "N", description = "Its level.")
        int level;

        @Option(names = "--problems", required = true, paramLabel = "N", description = "How many distinct problems to draw.")
        int problems;

        @Option(names = "--data-seed", defaultValue = "2", paramLabel = "S", description = "Seed of the problem draw (default ${DEFAULT-VALUE}).")
        long dataSeed;
    }

    @Option(names = "--exclude", paramLabel = "FILE", description = "Held-out problems (JSON Lines): drawn problems with these prompts are dropped (repeatable).")
    List<Path> exclude = new ArrayList<>();

    @Option(names = "--init", paramLabel = "DIR", description = "Start from this model directory (char_ords tokenizer) instead of a fresh Llama.")
    Path init;

    @Option(names = "--hidden", paramLabel = "D", description = "Fresh Llama: hidden size (default " + LlamaShape.Tiny.HIDDEN + ").")
    Integer hidden;

    @Option(names = "--layers", paramLabel = "L", description = "Fresh Llama: layers (default " + LlamaShape.Tiny.LAYERS + ").")
    Integer layers;

    @Option(names = "--heads", paramLabel = "H", description = "Fresh Llama: attention heads (default " + LlamaShape.Tiny.HEADS + ").")
    Integer heads;

    @Option(names = "--intermediate", paramLabel = "F", description = "Fresh Llama: MLP size (default " + LlamaShape.Tiny.INTERMEDIATE + ").")
    Integer intermediate;

    @Option(names = "--init-seed", defaultValue = "1", paramLabel = "S", description = "Fresh Llama: weight seed (default ${DEFAULT-VALUE}).")
    long initSeed;

    @Option(names = "--steps", paramLabel = "N", description = "Optimizer steps (default " + SftConfig.Defaults.STEPS + ").")
    Integer steps;

    @Option(names = "--batch", paramLabel = "B", description = "Examples per step (default " + SftConfig.Defaults.BATCH + ").")
    Integer batch;

    @Option(names = "--lr", paramLabel = "LR", description = "Constant AdamW learning rate (default " + SftConfig.Defaults.LR + ").")
    Double lr;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the data order (default " + SftConfig.Defaults.SEED + ").")
    Long seed;

    @Option(names = "--eval", paramLabel = "FILE", description = "Held-out problems (JSON Lines): loss before and after, and the trained model's greedy pass@1 (task verifier, template chat).")
    Path eval;

    @Option(names = "--log-every", defaultValue = "50", paramLabel = "N", description = "Print the loss every N steps to stderr (default ${DEFAULT-VALUE}).")
    int logEvery;

    @Option(names = "--save-every", defaultValue = "0", paramLabel = "N", description = "Also write the model every N steps to OUT/step-N (0: never; default ${DEFAULT-VALUE}). Step N equals a run with --steps N.")
    int saveEvery;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output model directory.")
    Path out;

    @Mixin
    DeviceOptions device;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut(), stderr = spec.commandLine().getErr();
        long start = System.nanoTime();
        List<Problem> heldOut = new ArrayList<>();
        for (Path f : exclude) heldOut.addAll(ProblemJsonl.read(f));
        List<Problem> problems = data.train != null ? dropHeldOut(ProblemJsonl.read(data.train), heldOut)
                : SftData.generated(ReasoningTask.of(data.generated.task, data.generated.level), data.generated.problems,
                data.generated.dataSeed, heldOut);
        if (problems.isEmpty()) throw new IllegalArgumentException("no training problems left after --exclude");
        CharModelDirectory initial = initialModel(problems.get(0));
        CharTokenizer tokenizer = initial.tokenizer();
        SftConfig config = config();
        List<SftExample> examples = examples(problems, tokenizer);
        List<SftExample> evalExamples = eval == null ? List.of() : examples(ProblemJsonl.read(eval), tokenizer);
        ObjectNode record = settings(config, initial.weights(), problems.size());
        stdout.println(record.toString());
        stdout.flush();
        Double evalBefore = evalExamples.isEmpty() ? null : SftLoss.of(initial.weights(), evalExamples,
                config.aggregation(), config.batchSize(), device.runnerOptions());
        SupervisedFineTuning.Result result = SupervisedFineTuning.run(initial.weights(), examples, config,
                device.runnerOptions(), (step, loss, norm, weights) -> {
                    if (step % logEvery == 0 || step == config.steps()) {
                        stderr.printf("step %d/%d  loss %.4f  grad-norm %.3f  %.0f s%n", step, config.steps(), loss,
                                norm, (System.nanoTime() - start) / 1e9);
                        stderr.flush();
                    }
                    if (saveEvery > 0 && step % saveEvery == 0 && step < config.steps())
                        save(new CharModelDirectory(weights.get(), tokenizer), out.resolve("step-" + step));
                });
        new CharModelDirectory(result.weights(), tokenizer).write(out);
        double[] losses = result.losses();
        record.put("first_loss", losses[0]);
        record.put("last_loss", losses[losses.length - 1]);
        if (evalBefore != null) {
            record.put("eval_loss_before", evalBefore);
            record.put("eval_loss_after", SftLoss.of(result.weights(), evalExamples, config.aggregation(),
                    config.batchSize(), device.runnerOptions()));
            record.put("eval_greedy_pass@1", greedyPassAtOne(ProblemJsonl.read(eval), evalExamples));
        }
        record.put("wall_seconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        byte[] bytes = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(record);
        AtomicFile.write(out.resolve("sft.json"), o -> o.write(bytes));
        stdout.println(record.toString());
        return 0;
    }

    /**
     * Greedy pass@1 of the model just written to {@code out} on {@code problems}, through the rollout engine and
     * the evaluator (each problem graded by its task's verifier); at most twice the longest target + 16 new tokens.
     */
    private double greedyPassAtOne(List<Problem> problems, List<SftExample> examples) {
        int longest = 0;
        for (SftExample e : examples) longest = Math.max(longest, e.response().length);
        List<EvalItem> items = new ArrayList<>();
        for (Problem p : problems)
            items.add(EvalItem.of(p.task() + "-l" + p.level(), ReasoningTask.of(p.task(), p.level()), p));
        try (RolloutEngine engine = RolloutEngine.open(out, EngineOptions.cpu(device.threads()).withOrt(device.runnerOptions()))) {
            EvalReport report = new Evaluator(engine, PromptFormat.CHAT, 1, 5000)
                    .evaluate(items, new SamplingConfig(1, 0.0, 1.0, 0, 0.0, 2 * longest + 16, 1));
            return report.average().get("pass@1");
        }
    }

    private static void save(CharModelDirectory model, Path dir) {
        try {
            model.write(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    private CharModelDirectory initialModel(Problem first) throws IOException {
        if (init != null) {
            if (hidden != null || layers != null || heads != null || intermediate != null)
                throw new IllegalArgumentException("--init DIR takes its shape from DIR; drop --hidden/--layers/--heads/--intermediate");
            if (Files.exists(out) && Files.isSameFile(init, out))
                throw new IllegalArgumentException("--out must differ from --init (refusing to overwrite " + init + ")");
            return CharModelDirectory.read(init);
        }
        LlamaShape d = LlamaShape.TINY;
        LlamaShape shape = new LlamaShape(hidden != null ? hidden : d.hiddenSize(), layers != null ? layers : d.numLayers(),
                heads != null ? heads : d.numHeads(), intermediate != null ? intermediate : d.intermediateSize());
        CharTokenizer tokenizer = CharTokenizer.of(ReasoningTask.of(first.task(), first.level()).alphabet(), 2048);
        return new CharModelDirectory(LlamaShape.initialise(shape.config(tokenizer), initSeed), tokenizer);
    }

    private SftConfig config() {
        SftConfig c = SftConfig.DEFAULTS;
        if (steps != null) c = c.withSteps(steps);
        if (batch != null) c = c.withBatchSize(batch);
        if (lr != null) c = c.withLearningRate(lr);
        if (seed != null) c = c.withSeed(seed);
        return c;
    }

    /** The resolved settings, as printed at the start and saved in sft.json. */
    private ObjectNode settings(SftConfig c, DecoderWeights w, int problemCount) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        if (data.train != null) o.put("train", data.train.toString());
        else {
            o.put("task", data.generated.task);
            o.put("level", data.generated.level);
            o.put("problems", data.generated.problems);
            o.put("data_seed", data.generated.dataSeed);
        }
        o.put("examples", problemCount);
        exclude.forEach(f -> o.withArray("exclude").add(f.toString()));
        if (init != null) o.put("init", init.toString());
        else o.put("init_seed", initSeed);
        o.set("model", w.config().toJson());
        o.put("parameters", WeightLayout.parameterCount(w.config()));
        o.put("steps", c.steps());
        o.put("batch", c.batchSize());
        o.put("lr", c.optimizer().lr());
        o.put("beta1", c.optimizer().beta1());
        o.put("beta2", c.optimizer().beta2());
        o.put("weight_decay", c.optimizer().weightDecay());
        o.put("max_grad_norm", c.optimizer().maxGradNorm());
        o.put("aggregation", c.aggregation().name());
        o.put("seed", c.seed());
        o.put("device", device.device().toString());
        o.put("threads", device.threads());
        return o;
    }

    private static List<Problem> dropHeldOut(List<Problem> problems, List<Problem> heldOut) {
        java.util.Set<String> held = new java.util.HashSet<>();
        heldOut.forEach(p -> held.add(p.prompt()));
        return problems.stream().filter(p -> !held.contains(p.prompt())).toList();
    }

    private static List<SftExample> examples(List<Problem> problems, CharTokenizer tokenizer) {
        List<SftExample> out = new ArrayList<>(problems.size());
        for (Problem p : problems) out.add(SftExample.of(p, tokenizer));
        return out;
    }
}
