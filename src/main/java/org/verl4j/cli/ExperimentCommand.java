package org.verl4j.cli;

import org.verl4j.trainer.Algorithm;
import org.verl4j.trainer.AuxSignal;
import org.verl4j.trainer.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code verl4j experiment [--seeds 3] [--config FILE] [--set key=value]… --out DIR}: GRPO vs GRPO + VERL vs
 * GRPO + entropy advantage, same budget and seeds, with a Markdown pass@k table (mean ± sd) and ER/ERV/ERA curves.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Run GRPO, GRPO + VERL and GRPO + entropy-advantage for several seeds with the same budget",
                "(the quickstart's configuration plus --config/--set), then write experiment.md (pass@k mean ± sd",
                "over seeds) and curves-*.png (ER, ERV, ERA, accuracy averaged over seeds) into --out."})
public final class ExperimentCommand implements Callable<Integer> {

    @Option(names = "--seeds", defaultValue = "3", description = "Seeds per arm (0 … N−1; default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--config", description = "Shared configuration file (as verl4j train).")
    Path config;

    @Option(names = "--set", description = "Shared override key=value (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--algorithm", defaultValue = "grpo", description = "Estimator of every arm (default ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--aux", split = ",", defaultValue = "none,verl,entropy-adv",
            description = "Aux signals, one arm each (default ${DEFAULT-VALUE}).")
    List<String> aux;

    @Option(names = "--out", required = true, description = "Experiment directory.")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be ≥ 1, got " + seeds);
        spec.commandLine().getOut().println(Experiment.run(config, sets,
                Experiment.arms(Algorithm.named(algorithm), aux.stream().map(AuxSignal::named).toList()), seeds, out, spec.commandLine().getErr()));
        return 0;
    }
}
