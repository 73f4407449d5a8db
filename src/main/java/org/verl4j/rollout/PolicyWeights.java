package org.verl4j.rollout;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.KeptOutputs;
import org.verl4j.graph.OrtRunner;
import org.verl4j.model.GenerationGraph;
import org.verl4j.model.ModelConfig;
import org.verl4j.model.WeightLayout;
import org.verl4j.model.WeightSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy's parameters held in ONNX Runtime memory: {@link #set} runs {@link GenerationGraph#weightUpload} once,
 * and every generation run then reads the kept outputs as its weight inputs without a copy ({@link #feed}). Owns
 * the upload session and the current weights.
 */
final class PolicyWeights implements AutoCloseable {

    private final ModelConfig config;
    private final List<WeightSpec> specs;
    private final OrtRunner upload;
    private KeptOutputs current;

    PolicyWeights(ModelConfig config, OrtRunner.Options options) {
        this.config = config;
        this.specs = WeightLayout.of(config);
        this.upload = new OrtRunner(GenerationGraph.weightUpload(config, ElementType.FLOAT), options);
    }

    /** New weights from a flat θ in {@link WeightLayout} order (= {@code DecoderForward.layout}). */
    void set(FlatTheta theta) {
        long expected = WeightLayout.parameterCount(config);
        if (theta.length() != expected)
            throw new IllegalArgumentException("policy θ has " + theta.length() + " values, the model needs " + expected);
        Map<String, HostTensor> feed = new HashMap<>();
        long at = 0;
        for (WeightSpec spec : specs) {
            long[] dims = new long[spec.shape().length];
            for (int i = 0; i < dims.length; i++) dims[i] = spec.shape()[i];
            feed.put(GenerationGraph.upload(spec.name()), HostTensor.ofFloats(dims, theta.slice(at, spec.size())));
            at += spec.size();
        }
        KeptOutputs next = upload.runKeeping(feed, Map.of());
        if (current != null) current.close();
        current = next;
    }

    /** The weight inputs of a generation run. */
    Map<String, KeptOutputs.Output> feed() {
        if (current == null) throw new IllegalStateException("no policy weights set");
        Map<String, KeptOutputs.Output> feed = new HashMap<>();
        for (WeightSpec spec : specs) feed.put(spec.name(), current.output(spec.name()));
        return feed;
    }

    @Override
    public void close() {
        try {
            if (current != null) current.close();
        } finally {
            upload.close();
        }
    }

    /** A flat parameter vector, float or double (a train step's θ), sliced per tensor as float. */
    interface FlatTheta {
        long length();

        float[] slice(long from, int count);

        static FlatTheta of(float[] theta) {
            return new FlatTheta() {
                public long length() { return theta.length; }
                public float[] slice(long from, int count) { return java.util.Arrays.copyOfRange(theta, (int) from, (int) from + count); }
            };
        }

        static FlatTheta of(double[] theta) {
            return new FlatTheta() {
                public long length() { return theta.length; }
                public float[] slice(long from, int count) {
                    float[] out = new float[count];
                    for (int i = 0; i < count; i++) out[i] = (float) theta[(int) from + i];
                    return out;
                }
            };
        }

        static FlatTheta of(Map<String, float[]> tensors) {
            return new FlatTheta() {
                private final java.util.TreeMap<Long, float[]> byOffset = new java.util.TreeMap<>();
                private long total;
                {
                    for (float[] t : tensors.values()) { byOffset.put(total, t); total += t.length; }
                }
                public long length() { return total; }
                public float[] slice(long from, int count) {
                    float[] t = byOffset.get(from);
                    if (t == null || t.length != count) throw new IllegalStateException("tensor boundaries differ from the layout");
                    return t;
                }
            };
        }
    }
}
