package org.verl4j.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.verl4j.eval.benchmarks.Benchmark;
import org.verl4j.eval.benchmarks.BenchmarkItem;
import org.verl4j.eval.benchmarks.BenchmarkLoader;
import org.verl4j.tasks.Problem;
import org.verl4j.tasks.ProblemJsonl;
import org.verl4j.tasks.ReasoningTask;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves an {@code eval --benchmark} argument to items:
 * <ol>
 *   <li>a file: a synthetic task split ({@link ProblemJsonl}, lines with {@code task}) or a benchmark's
 *   {@code test.jsonl} whose directory is the benchmark name ({@code …/gsm8k/test.jsonl});</li>
 *   <li>a directory holding {@code test.jsonl}: the same, the directory naming the dataset;</li>
 *   <li>a name: {@code <data>/<name>/test.jsonl} (the benchmarks' layout, or a task split such as
 *   {@code benchmarks-data/arithmetic-l2}).</li>
 * </ol>
 */
public final class EvalSources {

    private EvalSources() {
    }

    /** The items of {@code argument} (file, directory or name under {@code data}), the first {@code limit} (0 = all). */
    public static List<EvalItem> resolve(String argument, Path data, int limit) {
        Path path = Path.of(argument);
        Path file;
        if (Files.isRegularFile(path)) file = path;
        else if (Files.isDirectory(path)) file = path.resolve("test.jsonl");
        else file = data.resolve(argument).resolve("test.jsonl");
        if (!Files.isRegularFile(file))
            throw new IllegalArgumentException("benchmark '" + argument + "': no file " + file + " (give a file, a directory "
                    + "with test.jsonl, or a name under --data " + data + ")");
        String dataset = file.toAbsolutePath().getParent().getFileName().toString();
        List<EvalItem> items = new ArrayList<>();
        if (isTaskSplit(file)) {
            for (Problem p : ProblemJsonl.read(file)) items.add(EvalItem.of(dataset, ReasoningTask.of(p.task(), p.level()), p));
        } else {
            for (BenchmarkItem b : BenchmarkLoader.read(file, Benchmark.named(dataset))) items.add(EvalItem.of(b));
        }
        if (items.isEmpty()) throw new IllegalArgumentException(file + ": no problems");
        return limit > 0 && items.size() > limit ? items.subList(0, limit) : items;
    }

    private static boolean isTaskSplit(Path file) {
        try (var lines = Files.lines(file)) {
            String first = lines.filter(l -> !l.isBlank()).findFirst().orElse("{}");
            var node = new ObjectMapper().readTree(first);
            return node != null && node.has("task") && node.has("level");
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(file + " line 1: not valid JSON", e);
        }
    }
}
