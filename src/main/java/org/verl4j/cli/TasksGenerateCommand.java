package org.verl4j.cli;

import org.verl4j.tasks.CharTokenizer;
import org.verl4j.tasks.ProblemJsonl;
import org.verl4j.tasks.ReasoningTask;
import org.verl4j.tasks.TaskSplits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code verl4j tasks generate --task arithmetic --level 2 --train 500 --test 100 --seed 1 --out DIR}: writes
 * {@code DIR/train.jsonl} and {@code DIR/test.jsonl} (format: {@link ProblemJsonl}), each atomically. The same
 * arguments give the same bytes.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write seeded, disjoint train/test splits of a task as JSON Lines (DIR/train.jsonl, DIR/test.jsonl).")
public final class TasksGenerateCommand implements Runnable {

    @Option(names = "--task", required = true, paramLabel = "NAME",
            description = "digit-completion | arithmetic")
    String task;

    @Option(names = "--level", defaultValue = "1", paramLabel = "N",
            description = "Difficulty level (digit-completion 1..3, arithmetic 1..6; default ${DEFAULT-VALUE}).")
    int level;

    @Option(names = "--train", defaultValue = "500", paramLabel = "N",
            description = "Training problems (default ${DEFAULT-VALUE}).")
    int train;

    @Option(names = "--test", defaultValue = "100", paramLabel = "N",
            description = "Test problems (default ${DEFAULT-VALUE}).")
    int test;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of java.util.Random (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created with its parents if missing).")
    Path out;

    @Option(names = "--tokenizer-config", paramLabel = "FILE",
            description = "Also write a verl-style char-level tokenizer_config.json over the task's alphabet to FILE"
                    + " (missing parent directories are created).")
    Path tokenizerConfig;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        ReasoningTask t = ReasoningTask.of(task, level);
        TaskSplits splits = TaskSplits.generate(t, train, test, seed);
        ProblemJsonl.write(out.resolve("train.jsonl"), splits.train());
        ProblemJsonl.write(out.resolve("test.jsonl"), splits.test());
        if (tokenizerConfig != null) CharTokenizer.of(t.alphabet(), 2048).writeConfig(tokenizerConfig);
        spec.commandLine().getOut().printf("wrote %d train + %d test problems of %s level %d (seed %d) to %s%n",
                splits.train().size(), splits.test().size(), t.name(), t.level(), seed, out);
    }
}
