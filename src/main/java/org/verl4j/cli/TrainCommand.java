package org.verl4j.cli;

import org.verl4j.trainer.Checkpoints;
import org.verl4j.trainer.ConfigKey;
import org.verl4j.trainer.TrainerKeys;
import org.verl4j.trainer.ConfigValues;
import org.verl4j.trainer.Trainer;
import org.verl4j.trainer.TrainerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code verl4j train [--config FILE] [--set key=value]… [--out DIR] [--resume DIR]}: the RLVR loop with VERL. With
 * no options it runs the quickstart (GRPO + VERL on the shipped arithmetic model). Progress and the resolved
 * configuration go to stderr; the run directory gets the logs, checkpoints, plots and summaries.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a policy with GRPO, Dr.GRPO, RLOO, REINFORCE++ or PPO-GAE, shaped by the VERL aux signal",
                "(or none, or the entropy advantage). With no options: the quickstart, GRPO + VERL on",
                "models/verl4j-arith-tiny. --keys lists every configuration key with its default."})
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--config", description = "Configuration file (JSON, nested or dotted keys; or .properties).")
    Path config;

    @Option(names = "--set", description = "Override one key, e.g. --set optim.lr=1e-5 (repeatable; applied in order, last wins).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", description = "Run directory (the key out.dir).")
    Path out;

    @Option(names = "--resume", description = "Continue a run from a checkpoint directory or a run directory (its latest checkpoint); "
            + "the run's config.json is the base configuration (--config replaces it), --set applies on top.")
    Path resume;

    @Option(names = "--keys", description = "List every configuration key with its default and meaning, then exit.")
    boolean keys;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (keys) {
            for (ConfigKey k : TrainerKeys.all())
                spec.commandLine().getOut().printf("%-24s %-28s %s%s%n", k.name(), k.fallback(),
                        k.choices().isEmpty() ? "" : "{" + String.join(", ", k.choices()) + "} ", k.doc());
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        List<String> overrides = new ArrayList<>();
        Path base = config;
        if (resume != null) {
            Path checkpoint = Checkpoints.resolve(resume);
            Path runDir = checkpoint.getParent().getParent();
            if (base == null) base = runDir.resolve("config.json");
            if (!Files.isRegularFile(base)) throw new IllegalArgumentException(runDir + " has no config.json to resume with");
            overrides.add("out.dir=" + runDir);
        }
        overrides.addAll(sets);
        if (out != null) overrides.add("out.dir=" + out);
        TrainerConfig c = TrainerConfig.of(ConfigValues.resolve(base, overrides));
        if (!Files.isDirectory(c.model()))
            throw new IllegalArgumentException("model directory " + c.model() + " does not exist (set model.dir)");
        try (Trainer trainer = new Trainer(c, c.out(), err)) {
            Trainer.Result r = trainer.run(Optional.ofNullable(resume));
            spec.commandLine().getOut().println(r.runDir().resolve("summary.md"));
        }
        return 0;
    }
}
