package org.verl4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code verl4j tasks …}: the synthetic verifiable tasks (ALGORITHM.md §8's rewards on generated problems). */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "Synthetic verifiable tasks: digit-completion and multi-step arithmetic.",
        subcommands = {TasksGenerateCommand.class, CommandLine.HelpCommand.class})
public final class TasksCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
