package org.verl4j.spark;

import org.verl4j.rollout.EngineOptions;

import java.io.Serializable;

/**
 * Which rollout engine a task needs: the model directory and how the engine runs it (ONNX Runtime device and
 * threads, metric options, whether hidden states are kept). The key under which each JVM keeps its one engine
 * ({@link ExecutorEngines}); records, so equal settings share an engine.
 *
 * @param model   the model directory as a fully qualified Hadoop path ({@code file:/…} on a shared file system,
 *                {@code hdfs://…}, {@code s3a://…})
 * @param options the engine's options, as the single-machine command would open it with
 */
record EngineSpec(String model, EngineOptions options) implements Serializable {

    EngineSpec {
        if (model == null || options == null) throw new IllegalArgumentException("engine spec fields must not be null");
    }
}
