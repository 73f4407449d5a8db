package org.verl4j.cli;

import org.verl4j.commandline.DeviceOptions;
import org.verl4j.sft.LlamaShape;
import org.verl4j.sft.SftConfig;
import org.verl4j.sft.SftPlan;
import org.verl4j.sft.SftRun;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * {@code verl4j sft}: supervised warm start of a char-level decoder on a task's worked solutions, run by
 * {@link SftRun} from the {@link SftPlan} these options resolve to. Options left out take the defaults of
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
        SftPlan.Data source = data.train != null ? new SftPlan.FromFile(data.train)
                : new SftPlan.Generated(data.generated.task, data.generated.level, data.generated.problems, data.generated.dataSeed);
        SftPlan plan = new SftPlan(source, exclude, start(), config(), Optional.ofNullable(eval), logEvery,
                saveEvery == 0 ? OptionalInt.empty() : OptionalInt.of(saveEvery), out, device.device(), device.threads());
        new SftRun(plan, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
        return 0;
    }

    private SftPlan.Start start() {
        if (init != null) {
            if (hidden != null || layers != null || heads != null || intermediate != null)
                throw new IllegalArgumentException("--init DIR takes its shape from DIR; drop --hidden/--layers/--heads/--intermediate");
            return new SftPlan.FromModel(init);
        }
        LlamaShape d = LlamaShape.TINY;
        return new SftPlan.Fresh(new LlamaShape(hidden != null ? hidden : d.hiddenSize(), layers != null ? layers : d.numLayers(),
                heads != null ? heads : d.numHeads(), intermediate != null ? intermediate : d.intermediateSize()), initSeed);
    }

    private SftConfig config() {
        SftConfig c = SftConfig.DEFAULTS;
        if (steps != null) c = c.withSteps(steps);
        if (batch != null) c = c.withBatchSize(batch);
        if (lr != null) c = c.withLearningRate(lr);
        if (seed != null) c = c.withSeed(seed);
        return c;
    }
}
