package org.verl4j.commandline;

import org.verl4j.trainer.Checkpoints;
import org.verl4j.trainer.ConfigValues;
import org.verl4j.trainer.TrainerConfig;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which run a {@code train} command runs: the configuration file, {@code --set} overrides, the run directory and a
 * checkpoint to resume from — a picocli mixin shared by {@code verl4j train} and the Spark train job, so both resolve
 * a configuration the same way.
 */
public final class TrainOptions {

    @Option(names = "--config", description = "Configuration file (JSON, nested or dotted keys; or .properties).")
    Path config;

    @Option(names = "--set", description = "Override one key, e.g. --set optim.lr=1e-5 (repeatable; applied in order, last wins).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", description = "Run directory (the key out.dir).")
    Path out;

    @Option(names = "--resume", description = "Continue a run from a checkpoint directory or a run directory (its latest checkpoint); "
            + "the run's config.json is the base configuration (--config replaces it), --set applies on top.")
    Path resume;

    /** The resolved configuration: the file (or, resuming, the run's config.json), then {@code --set}, then {@code --out}. */
    public TrainerConfig config() throws IOException {
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
        return c;
    }

    public Optional<Path> resume() {
        return Optional.ofNullable(resume);
    }
}
