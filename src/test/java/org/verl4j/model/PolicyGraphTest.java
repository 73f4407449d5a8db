package org.verl4j.model;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The flat-θ forward of training graphs reads the same parameters as the initializer graphs. */
class PolicyGraphTest {

    /** Fixed seed of every random draw here (a failure reproduces with it). */
    static final long SEED = 91387L;

    private final Random random = new Random(SEED);

    @Test
    void flatParameterForwardMatchesTheReference() {
        ModelConfig c = RandomDecoders.config(Architecture.LLAMA, 2, 2, 2, 4, false, true, 9);
        DecoderWeights w = RandomDecoders.weights(c, random);
        GraphBuilder g = new GraphBuilder("policy");
        PolicyGraph p = PolicyGraph.build(g, c, ElementType.FLOAT);
        g.output("logits", p.logits());
        g.output("hidden", p.hidden());
        int[][] ids = RandomDecoders.tokens(random, 2, 6, c.vocabSize());
        int[][] mask = RandomDecoders.leftPadded(6, 0, 2);
        int[][] pos = ReferenceDecoder.positionsFromMask(mask);
        ReferenceDecoder.Output expected = new ReferenceDecoder(w).forward(ids, mask, pos);
        try (OrtRunner run = GraphRuns.session(g.build())) {
            Map<String, HostTensor> out = run.run(Map.of(PolicyGraph.THETA,
                    HostTensor.ofFloats(new long[]{WeightLayout.parameterCount(c)}, w.flatten()),
                    GenerationGraph.IDS, GraphRuns.longs(ids), GenerationGraph.POSITIONS, GraphRuns.longs(pos),
                    GenerationGraph.MASK, GraphRuns.longs(mask)));
            assertThat(GraphRuns.maxError(out.get("logits").doubles(), expected.logits(), mask)).isLessThan(1e-5);
            assertThat(GraphRuns.maxError(out.get("hidden").doubles(), expected.hidden(), mask)).isLessThan(1e-5);
        }
    }
}
