package org.verl4j.spark;

import org.verl4j.cli.DeviceOptions;
import org.verl4j.model.Device;
import org.verl4j.rollout.EngineOptions;

import java.io.Serializable;

/**
 * Which rollout engine a task needs: the model directory and how ONNX Runtime runs it. The key under which each JVM
 * keeps its one engine ({@link ExecutorEngines}).
 *
 * @param model   the model directory as a fully qualified Hadoop path ({@code file:/…} on a shared file system,
 *                {@code hdfs://…}, {@code s3a://…})
 * @param device  where ONNX Runtime runs on the executor
 * @param threads ONNX Runtime intra-op threads of the engine
 */
record EngineSpec(String model, Device device, int threads) implements Serializable {

    EngineSpec {
        if (threads < 1) throw new IllegalArgumentException("--threads must be ≥ 1, got " + threads);
    }

    /** The options {@code verl4j eval} opens its engine with ({@link DeviceOptions#engineOptions(Device, int)}). */
    EngineOptions options() {
        return DeviceOptions.engineOptions(device, threads);
    }
}
