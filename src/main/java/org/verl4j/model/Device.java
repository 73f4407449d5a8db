package org.verl4j.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import org.verl4j.graph.OrtRunner;

import java.io.Serializable;
import java.util.Locale;

/**
 * Where ONNX Runtime executes a graph: {@code cpu} (the default) or {@code cuda[:N]}. CUDA needs the
 * {@code onnxruntime_gpu} build ({@code mvn -Pgpu package}) and CUDA 12 + cuDNN 9 on the machine: with the CPU-only
 * jar {@link #runnerOptions(int)} throws a message saying so; with the GPU jar but no usable CUDA, creating the
 * session throws {@link OrtRunner}'s message — never a native crash. CUDA is untested here (no GPU).
 *
 * @param kind  CPU or CUDA
 * @param index the CUDA device ordinal (0 for CPU)
 */
public record Device(Kind kind, int index) implements Serializable {

    /** Execution provider family. */
    public enum Kind { CPU, CUDA }

    public static final Device CPU = new Device(Kind.CPU, 0);

    public Device {
        if (index < 0) throw new IllegalArgumentException("device index must be ≥ 0, got " + index);
        if (kind == Kind.CPU && index != 0) throw new IllegalArgumentException("cpu takes no index");
    }

    /** Parses {@code cpu}, {@code cuda} or {@code cuda:N} (case-insensitive). */
    public static Device parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("cpu")) return CPU;
        if (s.equals("cuda")) return new Device(Kind.CUDA, 0);
        if (s.startsWith("cuda:")) {
            try {
                return new Device(Kind.CUDA, Integer.parseInt(s.substring(5)));
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("unknown device \"" + text + "\" (expected cpu, cuda or cuda:N)");
    }

    /**
     * {@link OrtRunner} options for this device with {@code intraOpThreads} intra-op threads (one inter-op thread,
     * spinning off, full optimisation — see {@link OrtRunner}).
     *
     * @throws IllegalStateException when CUDA is asked for but this ONNX Runtime build has no CUDA provider
     */
    public OrtRunner.Options runnerOptions(int intraOpThreads) {
        if (kind == Kind.CPU) return OrtRunner.Options.cpu(intraOpThreads);
        requireCudaProvider();
        return OrtRunner.Options.cuda(index, intraOpThreads);
    }

    private void requireCudaProvider() {
        OrtEnvironment.getEnvironment();
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA))
            throw new IllegalStateException("device " + this + " asked for, but this ONNX Runtime build has no CUDA "
                    + "provider (the CPU-only jar); build with `mvn -Pgpu package` (onnxruntime_gpu, needs CUDA 12 and "
                    + "cuDNN 9) or use --device cpu");
    }

    @Override
    public String toString() {
        return kind == Kind.CPU ? "cpu" : "cuda:" + index;
    }
}
