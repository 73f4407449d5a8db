package org.verl4j.cli;

import org.verl4j.cli.bench.BenchCommand;
import org.verl4j.commandline.ErrorPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar target/verl4j.jar <command>}: every subcommand under {@link ErrorPolicy} (one line naming the
 * problem, a stack trace only with {@code --debug}).
 */
@Command(name = "verl4j", mixinStandardHelpOptions = true, version = "verl4j 0.1.0",
        description = "VERL (Velocity-Exploiting Rank Learning, arXiv 2509.23808) in Java.",
        subcommands = {CommandLine.HelpCommand.class, GradeCommand.class, TasksCommand.class, MetricsCommand.class,
                BenchCommand.class, ExportCommand.class, GenerateCommand.class, TokenizeCommand.class,
                EvalCommand.class, TrainCommand.class, ExperimentCommand.class, SftCommand.class,
                AnalyzeCommand.class})
public final class Main implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with every subcommand and the error policy. */
    public static CommandLine commandLine() {
        return ErrorPolicy.apply(new CommandLine(new Main()), "verl4j");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
