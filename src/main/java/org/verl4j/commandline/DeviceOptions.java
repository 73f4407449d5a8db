package org.verl4j.commandline;

import org.verl4j.graph.OrtRunner;
import org.verl4j.model.Device;
import org.verl4j.rollout.EngineOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code --device cpu|cuda[:N]} and {@code --threads N}, for every command that runs ONNX Runtime (a picocli
 * mixin: {@code @Mixin DeviceOptions device;}). CPU is the default; CUDA needs the {@code -Pgpu} build and says so.
 */
public final class DeviceOptions {

    @Option(names = "--device", defaultValue = "cpu", converter = DeviceConverter.class,
            description = "cpu, cuda or cuda:N (CUDA needs the -Pgpu build with CUDA 12 and cuDNN 9; default: ${DEFAULT-VALUE}).")
    Device device;

    @Option(names = "--threads", defaultValue = "2",
            description = "ONNX Runtime intra-op threads (spinning off; default: ${DEFAULT-VALUE}).")
    int threads;

    public Device device() {
        return device;
    }

    /** The intra-op thread count. */
    public int threads() {
        return threads;
    }

    /** Session options for the chosen device and thread count. */
    public OrtRunner.Options runnerOptions() {
        return device.runnerOptions(threads);
    }

    /** The rollout engine's options on this device: {@link #engineOptions(Device, int)}. */
    public EngineOptions engineOptions() {
        return engineOptions(device, threads);
    }

    /**
     * The rollout engine's options for {@code device} with {@code threads} ORT threads: {@link EngineOptions#cpu}'s
     * defaults with the device's session options. One rule for {@code eval} and the Spark eval job's executors.
     */
    public static EngineOptions engineOptions(Device device, int threads) {
        return EngineOptions.cpu(threads).withOrt(device.runnerOptions(threads));
    }

    /** Parses the option text with {@link Device#parse}. */
    public static final class DeviceConverter implements ITypeConverter<Device> {
        @Override
        public Device convert(String value) {
            return Device.parse(value);
        }
    }
}
