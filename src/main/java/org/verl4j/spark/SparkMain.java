package org.verl4j.spark;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code spark-submit --class org.verl4j.spark.SparkMain target/verl4j.jar <job> …}: the Spark jobs' entry point,
 * and the one place in this package where exceptions become a message and an exit code (as {@code cli.Main}).
 */
@Command(name = "verl4j-spark", mixinStandardHelpOptions = true, version = "verl4j-spark 0.1.0",
        description = "verl4j's data-parallel commands as Apache Spark jobs (local[N] or a cluster).",
        subcommands = {CommandLine.HelpCommand.class, MetricsJobCommand.class, GradeJobCommand.class})
public final class SparkMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with both jobs and the error policy: {@code verl4j-spark: error: <message>}, exit 1. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SparkMain());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (Boolean.getBoolean("verl4j.debug")) ex.printStackTrace(line.getErr());
            line.getErr().println("verl4j-spark: error: " + messageOf(ex));
            return 1;
        });
        return cli;
    }

    static String messageOf(Throwable ex) {
        Throwable t = ex;
        while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } finally {
            SparkSession.getActiveSession().foreach(s -> {
                s.stop();
                return null;
            });
        }
        System.exit(code);
    }
}
