package org.verl4j.cli;

import org.verl4j.cli.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar target/verl4j.jar <command>}: the one place where exceptions become messages and exit codes.
 * Library code throws; this class prints one line naming the problem (a stack trace only with {@code --debug}).
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
        return withErrorPolicy(new CommandLine(new Main()), "verl4j");
    }

    /**
     * The error policy of verl4j's command lines (this one and {@code verl4j-spark}): an exception from a command
     * is one line {@code <program>: error: <message>}, exit 1, its stack trace only under {@code --debug}; a
     * parameter error is one line plus where to look, exit 2, the usage only under {@code --debug}.
     */
    public static CommandLine withErrorPolicy(CommandLine cli, String program) {
        cli.setExecutionExceptionHandler((ex, line, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            if (debug) ex.printStackTrace(line.getErr());
            line.getErr().println(program + ": error: " + messageOf(ex));
            return 1;
        });
        // picocli's own usage dump is 40 lines; a parameter error is one line plus where to look, for every
        // subcommand (including ones added later), with the usage only under --debug.
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine line = ex.getCommandLine();
            if (java.util.Arrays.asList(args).contains("--debug")) line.usage(line.getErr());
            line.getErr().println(program + ": error: " + ex.getMessage().strip().replace('\n', ' ')
                    + " (see '" + line.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        return cli;
    }

    /** The message of {@code ex} for one line: its first informative cause, file-system errors spelled out. */
    public static String messageOf(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();                                    // a wrapper that only repeats its cause
        }
        if (t instanceof java.nio.file.FileSystemException fs) return FileSystemErrors.describe(fs);
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + t.getMessage() + "); give the JVM more with -Xmx, or fewer --threads";
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.strip().replace('\n', ' ');
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
