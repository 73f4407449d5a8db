package org.verl4j.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code verl4j bench <target>}: timing runs that report medians; nothing is asserted, everything is printed. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (medians, thread count, ratio to the reference anchors).",
        subcommands = {RankBenchCommand.class, TrainBenchCommand.class, ModelBenchCommand.class,
                RolloutBenchCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
