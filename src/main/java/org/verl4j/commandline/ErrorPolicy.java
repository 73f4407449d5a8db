package org.verl4j.commandline;

import picocli.CommandLine;

import java.nio.file.FileSystemException;
import java.util.Arrays;

/**
 * The error policy of verl4j's command lines ({@code verl4j} and {@code verl4j-spark}): the one place where exceptions
 * become messages and exit codes. Library code throws; a command's exception is one line
 * {@code <program>: error: <message>}, exit 1, its stack trace only under {@code --debug}; a parameter error is one
 * line plus where to look, exit 2, the usage only under {@code --debug}.
 */
public final class ErrorPolicy {

    private ErrorPolicy() {
    }

    /** {@code cli} with the policy installed, messages prefixed with {@code program}. */
    public static CommandLine apply(CommandLine cli, String program) {
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
            if (Arrays.asList(args).contains("--debug")) line.usage(line.getErr());
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
        if (t instanceof FileSystemException fs) return FileSystemErrors.describe(fs);
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + t.getMessage() + "); give the JVM more with -Xmx, or fewer --threads";
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.strip().replace('\n', ' ');
    }
}
