package org.verl4j.spark;

import org.apache.spark.sql.SparkSession;
import org.verl4j.commandline.ErrorPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spark-submit --class org.verl4j.spark.SparkMain target/verl4j.jar <job> …}: the Spark jobs' entry point,
 * and the one place in this package where exceptions become a message and an exit code, by {@code cli.Main}'s policy.
 */
@Command(name = "verl4j-spark", mixinStandardHelpOptions = true, version = "verl4j-spark 0.1.0",
        description = "verl4j's data-parallel commands as Apache Spark jobs (local[N] or a cluster).",
        subcommands = {CommandLine.HelpCommand.class, MetricsJobCommand.class, GradeJobCommand.class, EvalJobCommand.class,
                TrainJobCommand.class})
public final class SparkMain implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with every job and {@code verl4j}'s error policy ({@code verl4j-spark: error: <message>}, exit 1). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SparkMain());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return ErrorPolicy.apply(cli, "verl4j-spark");
    }

    public static void main(String[] args) {
        if (!sparkOnClassPath()) {
            System.err.println("verl4j-spark: error: Apache Spark is not on the class path; run the jobs with spark-submit "
                    + "(the cluster's Spark) or mvn -Pspark-local (README: Scale-out on Apache Spark)");
            System.exit(1);
        }
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

    /** Spark is {@code provided}: {@code target/verl4j.jar} run with plain {@code java -cp} has none. */
    private static boolean sparkOnClassPath() {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, SparkMain.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
