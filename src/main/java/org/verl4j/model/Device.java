package org.verl4j.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

import java.util.Locale;

/**
 * Where ONNX Runtime executes a graph: {@code cpu} (the default) or {@code cuda[:N]}. CUDA needs the
 * {@code onnxruntime_gpu} build ({@code mvn -Pgpu package}) and CUDA 12 + cuDNN 9 on the machine; without either,
 * {@link #sessionOptions(int)} throws a message that says which is missing — never a native crash.
 *
 * @param kind  CPU or CUDA
 * @param index the CUDA device ordinal (0 for CPU)
 */
public record Device(Kind kind, int index) {

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
     * Session options for this device: full graph optimisation, {@code intraOpThreads} intra-op threads, one
     * inter-op thread, spinning off (spinning threads slowed a shared 2-core host 2–3×).
     *
     * @throws IllegalStateException when CUDA is asked for but this ONNX Runtime build or machine cannot provide it
     */
    public OrtSession.SessionOptions sessionOptions(int intraOpThreads) throws OrtException {
        if (intraOpThreads < 1) throw new IllegalArgumentException("intra-op threads must be ≥ 1, got " + intraOpThreads);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            if (kind == Kind.CUDA) addCuda(options);
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    private void addCuda(OrtSession.SessionOptions options) {
        OrtEnvironment.getEnvironment();
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA))
            throw new IllegalStateException("device " + this + " asked for, but this ONNX Runtime build has no CUDA "
                    + "provider (the CPU-only jar); build with `mvn -Pgpu package` for onnxruntime_gpu");
        try {
            options.addCUDA(index);
        } catch (OrtException | LinkageError e) {
            throw new IllegalStateException("device " + this + " asked for, but ONNX Runtime could not start CUDA "
                    + "(it needs CUDA 12 and cuDNN 9 on the library path): " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return kind == Kind.CPU ? "cpu" : "cuda:" + index;
    }
}
