package org.verl4j.graph;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ONNX Runtime session with explicit threading: {@code intraOpThreads} threads, one inter-op thread, spinning
 * off ({@code session.intra_op.allow_spinning = 0}: spinning threads slowed two-thread runs 2–3× on a shared host),
 * full graph optimisation. Inputs are copied into direct buffers in native byte order (ORT reads direct buffers
 * raw; a big-endian one gives silently wrong numbers); every {@code OrtSession.Result} and input tensor is closed.
 */
public final class OrtRunner implements AutoCloseable {

    /**
     * Session settings: intra-op threads ({@code ≥ 1}), the CUDA device ({@code -1} = CPU), ORT graph optimizers
     * to leave out (by name, e.g. {@code MatmulTransposeFusion}) and whether ORT plans one memory block for all
     * intermediate tensors per input shape ({@code enable_mem_pattern}, on by default).
     */
    public record Options(int intraOpThreads, int cudaDevice, List<String> disabledOptimizers, boolean memoryPattern)
            implements Serializable {
        public Options {
            if (intraOpThreads < 1) throw new IllegalArgumentException("intraOpThreads must be ≥ 1, got " + intraOpThreads);
            if (cudaDevice < -1) throw new IllegalArgumentException("cudaDevice must be ≥ 0 or -1 for CPU, got " + cudaDevice);
            disabledOptimizers = List.copyOf(disabledOptimizers);
        }

        /**
         * CPU with {@code intraOpThreads} threads. ORT 1.23's {@code NoopElimination} aborts session creation on
         * some backward graphs (a constant-folded "x·1" or zero Pad feeding a graph output: "RemoveNode … Should be
         * unreachable"), so it is left out by default; it only removes arithmetic no-ops.
         */
        public static Options cpu(int intraOpThreads) {
            return new Options(intraOpThreads, -1, List.of("NoopElimination"), true);
        }

        /** CUDA device {@code device} with {@code intraOpThreads} CPU threads (NoopElimination left out as for CPU). */
        public static Options cuda(int device, int intraOpThreads) {
            return new Options(intraOpThreads, device, List.of("NoopElimination"), true);
        }

        public Options disabling(String... optimizers) {
            List<String> all = new ArrayList<>(disabledOptimizers);
            all.addAll(List.of(optimizers));
            return new Options(intraOpThreads, cudaDevice, all, memoryPattern);
        }

        /**
         * Without the memory pattern. For train-step graphs: the planned block holds every activation the backward
         * keeps at once next to the arena's own chunks; without it the 25M-parameter step at batch 32 × 128 peaked
         * at 5.1 GB instead of 6.7 GB resident, with half the page-fault (system) time and no slower steps.
         */
        public Options withoutMemoryPattern() {
            return new Options(intraOpThreads, cudaDevice, disabledOptimizers, false);
        }
    }

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final Map<String, ByteBuffer> staging = new HashMap<>();   // per input: direct buffer reused across runs

    /** A session for a graph built here (serialized, then as {@link #OrtRunner(byte[], Options)}). */
    public OrtRunner(GraphBuilder.Graph graph, Options options) {
        this(OnnxWriter.write(graph), options);
    }

    /**
     * A session for serialized ONNX model bytes. ORT 1.23 fuses Transpose+MatMul into {@code com.microsoft.FusedMatMul}
     * and x·σ(x) into {@code com.microsoft.QuickGelu}, neither of which has a float64 kernel, so for models that
     * compute in DOUBLE ({@link OnnxTypeScan}) those two optimizers are left out — for graphs built here and for
     * files exported with {@code --float64} alike.
     */
    public OrtRunner(byte[] model, Options options) {
        if (OnnxTypeScan.computesInDouble(model)) options = options.disabling("MatmulTransposeFusion", "QuickGeluFusion");
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(options.intraOpThreads());
            so.setInterOpNumThreads(1);
            so.addConfigEntry("session.intra_op.allow_spinning", "0");
            so.addConfigEntry("session.inter_op.allow_spinning", "0");
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (!options.disabledOptimizers().isEmpty())
                so.addConfigEntry("optimization.disable_specified_optimizers", String.join(";", options.disabledOptimizers()));
            so.setMemoryPatternOptimization(options.memoryPattern());
            if (options.cudaDevice() >= 0) addCuda(so, options.cudaDevice());
            this.session = env.createSession(model, so);
        } catch (OrtException e) {
            throw new IllegalArgumentException("ONNX Runtime rejected the model: " + e.getMessage(), e);
        }
    }

    private static void addCuda(OrtSession.SessionOptions so, int device) throws OrtException {
        try {
            so.addCUDA(device);
        } catch (OrtException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("CUDA device " + device + " is not available (needs the -Pgpu build with "
                    + "CUDA 12 and cuDNN 9): " + e.getMessage(), e);
        }
    }

    /**
     * Runs the graph on {@code inputs} (by input name) and returns every graph output by name. Inputs are staged in
     * direct buffers kept per input name and reused by the next run (ORT reads them in place; a fresh direct buffer
     * per run would be zeroed, copied and left for the garbage collector — 100 MB per flat buffer of a 25M model),
     * so runs of one runner are serialised.
     */
    public synchronized Map<String, HostTensor> run(Map<String, HostTensor> inputs) {
        requireInputs(inputs.keySet());
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            for (Map.Entry<String, HostTensor> e : inputs.entrySet()) feed.put(e.getKey(), toOrt(e.getKey(), e.getValue()));
            try (OrtSession.Result result = session.run(feed)) {
                Map<String, HostTensor> out = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> e : result) out.put(e.getKey(), fromOrt((OnnxTensor) e.getValue()));
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalArgumentException("ONNX Runtime run failed: " + e.getMessage(), e);
        } finally {
            for (OnnxTensor t : feed.values()) t.close();
        }
    }

    /**
     * As {@link #run}, but the outputs stay in ONNX Runtime memory (copy what Java needs with
     * {@link KeptOutputs#copy}), and the inputs named in {@code reuse} are taken without a copy from earlier runs'
     * kept outputs (of any runner). The caller closes what it keeps; a source may be closed once this returns. A
     * graph output must not be a graph input passed through (it would share the reused staging buffer); the
     * generation and train-step graphs compute all theirs.
     */
    public synchronized KeptOutputs runKeeping(Map<String, HostTensor> inputs, Map<String, KeptOutputs.Output> reuse) {
        java.util.Set<String> names = new java.util.HashSet<>(inputs.keySet());
        for (String name : reuse.keySet())
            if (!names.add(name)) throw new IllegalArgumentException("input '" + name + "' is given twice (fed and reused)");
        requireInputs(names);
        Map<String, OnnxTensor> staged = new HashMap<>();
        try {
            for (Map.Entry<String, HostTensor> e : inputs.entrySet()) staged.put(e.getKey(), toOrt(e.getKey(), e.getValue()));
            Map<String, OnnxTensor> feed = new HashMap<>(staged);
            reuse.forEach((input, output) -> feed.put(input, output.from().tensor(output.name())));
            return new KeptOutputs(session.run(feed));
        } catch (OrtException e) {
            throw new IllegalArgumentException("ONNX Runtime run failed: " + e.getMessage(), e);
        } finally {
            for (OnnxTensor t : staged.values()) t.close();
        }
    }

    /**
     * Every name fed must be a graph input; the error names the stray one (ORT itself reports only "Unexpected
     * number of inputs"). ORT names a missing input itself.
     */
    private void requireInputs(java.util.Set<String> fed) {
        java.util.Set<String> expected = session.getInputNames();
        for (String name : fed)
            if (!expected.contains(name))
                throw new IllegalArgumentException("the graph takes no input '" + name + "' (its inputs: "
                        + new java.util.TreeSet<>(expected) + ")");
    }

    /** Names of the graph inputs, in order. */
    public List<String> inputNames() {
        return new ArrayList<>(session.getInputNames());
    }

    private OnnxTensor toOrt(String name, HostTensor t) throws OrtException {
        Object d = t.data();
        int n = switch (t.type()) {
            case DOUBLE -> ((double[]) d).length;
            case FLOAT -> ((float[]) d).length;
            case INT64 -> ((long[]) d).length;
            case BOOL -> ((boolean[]) d).length;
        };
        int bytes = Math.max(1, n * t.type().bytes);
        ByteBuffer b = staging.get(name);
        if (b == null || b.capacity() < bytes) {                    // grows by half again: a KV cache grows each step
            long grown = b == null ? bytes : Math.max(bytes, Math.min(Integer.MAX_VALUE - 8, b.capacity() * 3L / 2));
            b = ByteBuffer.allocateDirect((int) grown).order(ByteOrder.nativeOrder());
            staging.put(name, b);
        }
        b.clear();
        switch (t.type()) {
            case DOUBLE -> b.asDoubleBuffer().put((double[]) d);
            case FLOAT -> b.asFloatBuffer().put((float[]) d);
            case INT64 -> b.asLongBuffer().put((long[]) d);
            case BOOL -> {
                for (boolean v : (boolean[]) d) b.put((byte) (v ? 1 : 0));
                b.rewind();
            }
        }
        return switch (t.type()) {
            case DOUBLE -> OnnxTensor.createTensor(env, b.asDoubleBuffer().limit(n), t.shape());
            case FLOAT -> OnnxTensor.createTensor(env, b.asFloatBuffer().limit(n), t.shape());
            case INT64 -> OnnxTensor.createTensor(env, b.asLongBuffer().limit(n), t.shape());
            case BOOL -> OnnxTensor.createTensor(env, b.limit(n), t.shape(), OnnxJavaType.BOOL);
        };
    }

    static HostTensor fromOrt(OnnxTensor t) {
        long[] shape = t.getInfo().getShape();
        int n = Math.toIntExact(t.getInfo().getNumElements());
        return switch (t.getInfo().type) {
            case DOUBLE -> { double[] a = new double[n]; t.getDoubleBuffer().get(a); yield HostTensor.ofDoubles(shape, a); }
            case FLOAT -> { float[] a = new float[n]; t.getFloatBuffer().get(a); yield HostTensor.ofFloats(shape, a); }
            case INT64 -> { long[] a = new long[n]; t.getLongBuffer().get(a); yield HostTensor.ofLongs(shape, a); }
            case BOOL -> {
                ByteBuffer b = t.getByteBuffer();
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) a[i] = b.get(i) != 0;
                yield HostTensor.ofBooleans(shape, a);
            }
            default -> throw new IllegalStateException("output of unsupported type " + t.getInfo().type);
        };
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX Runtime session failed: " + e.getMessage(), e);
        }
    }
}
