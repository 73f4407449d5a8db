package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.verl4j.rollout.RolloutEngine;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The rollout engines of one JVM — an executor's, or the driver's in local mode: one per {@link EngineSpec}, opened
 * by the first task that needs it (ONNX graphs built, weights copied into ONNX Runtime memory, tokenizer loaded) and
 * kept for the JVM's life, so every later task of the job, and of later jobs in the same JVM, reuses it.
 *
 * <p>Tasks of one JVM take turns on its engine (one lock per engine). One engine per JVM, not one per task thread:
 * the memory per executor is one model plus one KV cache (for a 7B model that is what fits), and an engine is not
 * safe for concurrent {@code generate} calls (its ONNX Runtime input buffers are reused). Throughput per executor
 * comes from the engine's batch and its {@code --threads} ONNX Runtime threads, so on a cluster give each executor
 * one task slot ({@code spark.task.cpus} = {@code spark.executor.cores}) and {@code --threads} = those cores; in
 * {@code local[N]} the N task slots share one JVM and so take turns.
 *
 * <p>The model directory: a {@code file:} path is read in place (it must then be visible to every executor, e.g. a
 * shared file system); any other file system's directory is copied once per JVM to a local temporary directory,
 * read into memory by the engine, and deleted.
 */
final class ExecutorEngines {

    private static final ConcurrentHashMap<EngineSpec, Slot> SLOTS = new ConcurrentHashMap<>();

    /** One engine and how many times this JVM has opened it (1 once it is open). */
    private static final class Slot {
        RolloutEngine engine;
        int opened;
    }

    private ExecutorEngines() {
    }

    /** Runs {@code work} on this JVM's engine for {@code spec}, opening it first if no task has yet. */
    static <T> T use(EngineSpec spec, Configuration conf, Function<RolloutEngine, T> work) throws IOException {
        Slot slot = SLOTS.computeIfAbsent(spec, s -> new Slot());
        synchronized (slot) {
            if (slot.engine == null) {
                slot.engine = open(spec, conf);
                slot.opened++;
            }
            return work.apply(slot.engine);
        }
    }

    /** How many times this JVM has opened the engine of {@code spec} (0 or 1; the job's tests check it). */
    static int opened(EngineSpec spec) {
        Slot slot = SLOTS.get(spec);
        if (slot == null) return 0;
        synchronized (slot) {
            return slot.opened;
        }
    }

    private static RolloutEngine open(EngineSpec spec, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(spec.model());
        URI uri = source.toUri();
        if (uri.getScheme() == null || uri.getScheme().equals("file")) return RolloutEngine.open(Path.of(uri.getPath()), spec.options());
        Path copy = Files.createTempDirectory("verl4j-model-");
        try {
            Path local = copy.resolve(source.getName());
            FileSystem fs = source.getFileSystem(conf);
            fs.copyToLocalFile(false, source, new org.apache.hadoop.fs.Path(local.toUri()), true);
            return RolloutEngine.open(local, spec.options());
        } finally {
            try (Stream<Path> files = Files.walk(copy)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
