package org.verl4j.model;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.Autodiff;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Node;
import org.verl4j.graph.OpType;
import org.verl4j.graph.Value;

import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every op the decoder's forward applies to θ has a gradient rule in the registry (keyed by the op table), for
 * both architectures with and without biases and tied embeddings — so a train step of any supported model
 * differentiates, rather than failing at the first op without a rule.
 */
class DecoderGradientRulesTest {

    @Test
    void everyOpOnAPathFromThetaHasAGradientRule() {
        List<ModelConfig> configs = List.of(
                RandomDecoders.config(Architecture.QWEN2, 2, 1, 2, 2, false, false, 7),
                RandomDecoders.config(Architecture.LLAMA, 1, 2, 2, 4, true, true, 6));
        for (ModelConfig c : configs) {
            GraphBuilder g = new GraphBuilder("policy");
            PolicyGraph p = PolicyGraph.build(g, c, ElementType.DOUBLE);
            g.output("logp", p.tokens().logp());
            Set<OpType> onTheta = opsDependingOn(g, p.theta());
            assertThat(onTheta).as(c.architecture() + ": the forward reaches θ through the usual blocks")
                    .contains(OpType.SLICE, OpType.GATHER, OpType.MAT_MUL, OpType.SOFTMAX, OpType.REDUCE_MEAN, OpType.LOG_SOFTMAX);
            assertThat(onTheta).as(c.architecture() + ": ops without a gradient rule")
                    .allSatisfy(op -> assertThat(Autodiff.differentiable(op)).as(op.onnxName()).isTrue());
        }
    }

    /** The ops of the nodes whose floating output depends on {@code theta} (the nodes autodiff visits). */
    private static Set<OpType> opsDependingOn(GraphBuilder g, Value theta) {
        Set<Value> depends = Collections.newSetFromMap(new IdentityHashMap<>());
        depends.add(theta);
        Set<OpType> ops = EnumSet.noneOf(OpType.class);
        for (Node n : g.nodes()) {
            if (n.inputs().stream().noneMatch(depends::contains) || !n.output().type().isFloating()) continue;
            depends.addAll(n.outputs());
            ops.add(n.opType());
        }
        return ops;
    }
}
