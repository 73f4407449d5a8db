package org.verl4j.cli;

import org.verl4j.commandline.TrainOptions;
import org.verl4j.trainer.ConfigKey;
import org.verl4j.trainer.TrainerKeys;
import org.verl4j.trainer.Trainer;
import org.verl4j.trainer.TrainerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code verl4j train [--config FILE] [--set key=value]… [--out DIR] [--resume DIR]}: the RLVR loop with VERL. With
 * no options it runs the quickstart (GRPO + VERL on the shipped arithmetic model). Progress and the resolved
 * configuration go to stderr; the run directory gets the logs, checkpoints, plots and summaries.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a policy with GRPO, Dr.GRPO, RLOO, REINFORCE++ or PPO-GAE, shaped by the VERL aux signal",
                "(or none, or the entropy advantage). With no options: the quickstart, GRPO + VERL on",
                "models/verl4j-arith-tiny. --keys lists every configuration key with its default",
                "(--keys --markdown: as the README's table)."})
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    TrainOptions run;

    @Option(names = "--keys", description = "List every configuration key with its default and meaning, then exit.")
    boolean keys;

    @Option(names = "--markdown", description = "With --keys: the README's Markdown table instead of plain lines.")
    boolean markdown;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (keys && markdown) {
            spec.commandLine().getOut().print(TrainerKeys.markdownTable());
            spec.commandLine().getOut().flush();
            return 0;
        }
        if (markdown) throw new IllegalArgumentException("--markdown goes with --keys");
        if (keys) {
            for (ConfigKey<?> k : TrainerKeys.all())
                spec.commandLine().getOut().printf("%-24s %-28s %s%s%n", k.name(), k.fallback(),
                        k.choices().isEmpty() ? "" : "{" + String.join(", ", k.choices()) + "} ", k.doc());
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        TrainerConfig c = run.config();
        try (Trainer trainer = new Trainer(c, c.out(), err)) {
            Trainer.Result r = trainer.run(run.resume());
            spec.commandLine().getOut().println(r.runDir().resolve("summary.md"));
        }
        return 0;
    }
}
