package org.verl4j.graph;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;

/**
 * The outputs of one {@link OrtRunner#runKeeping} run, left in ONNX Runtime memory: a later run of the same runner
 * reads them as inputs without a copy to Java and back (a KV cache, the training state), and {@link #copy} brings
 * one to Java when it is needed there. Owned by the caller; {@link #close} frees them all.
 */
public final class KeptOutputs implements AutoCloseable {

    private final OrtSession.Result result;

    KeptOutputs(OrtSession.Result result) {
        this.result = result;
    }

    OnnxTensor tensor(String name) {
        return (OnnxTensor) result.get(name)
                .orElseThrow(() -> new IllegalArgumentException("the run has no output named " + name));
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
