package org.verl4j.rollout;

import org.verl4j.model.GenerationGraph;
import org.verl4j.model.ModelConfig;

import java.io.Serializable;
import java.util.Set;

/**
 * Which hidden states make a response's Z (ALGORITHM.md §1: row t is the state at the position that produced token t+1):
 * the final-norm output z (the default, the input of the LM head) or the residual stream after decoder block ℓ.
 */
public sealed interface Capture extends Serializable {

    Capture FINAL_NORM = new FinalNorm();

    /** The generation-graph output read as Z. */
    String output();

    /** The decoder layers the generation graph must expose for this capture. */
    Set<Integer> layers();

    /** z = RMSNorm(x_L; w_norm). */
    record FinalNorm() implements Capture {
        public String output() { return GenerationGraph.HIDDEN; }

        public Set<Integer> layers() { return Set.of(); }
    }

    /** x_ℓ, the residual stream after block ℓ (0-based). */
    record Block(int layer) implements Capture {
        public Block {
            if (layer < 0) throw new IllegalArgumentException("layer must be ≥ 0, got " + layer);
        }

        public String output() { return GenerationGraph.layerOutput(layer); }

        public Set<Integer> layers() { return Set.of(layer); }
    }

    /** Checks the capture against {@code config}. */
    default void check(ModelConfig config) {
        for (int l : layers())
            if (l >= config.numLayers()) throw new IllegalArgumentException("cannot capture layer " + l + " of a "
                    + config.numLayers() + "-layer model");
    }
}
