package org.verl4j.graph;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outputs of one {@link OrtRunner#runKeeping} run, left in ONNX Runtime memory: a later run of the same runner
 * reads them as inputs without a copy to Java and back (a KV cache, the training state), and {@link #copy} brings
 * one to Java when it is needed there. Owned by the caller; {@link #close} frees them all.
 */
public final class KeptOutputs implements AutoCloseable {

    /** Output {@code name} of {@code from}, to be fed to a later run (see {@link OrtRunner#runKeeping}). */
    public record Output(KeptOutputs from, String name) {
    }

    private final OrtSession.Result result;

    KeptOutputs(OrtSession.Result result) {
        this.result = result;
    }

    OnnxTensor tensor(String name) {
        return (OnnxTensor) result.get(name)
                .orElseThrow(() -> new IllegalArgumentException("the run has no output named " + name));
    }

    /** Output {@code name}, checked to exist, as an input source for a later run. */
    public Output output(String name) {
        tensor(name);
        return new Output(this, name);
    }

    /** The names of the outputs, in the graph's order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, OnnxValue> e : result) names.add(e.getKey());
        return names;
    }

    /** The shape of output {@code name} (no copy). */
    public long[] shape(String name) {
        return tensor(name).getInfo().getShape();
    }

    /** Output {@code name} copied to Java. */
    public HostTensor copy(String name) {
        return OrtRunner.fromOrt(tensor(name));
    }

    @Override
    public void close() {
        result.close();
    }
}
