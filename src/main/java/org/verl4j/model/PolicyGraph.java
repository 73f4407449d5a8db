package org.verl4j.model;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Shape;
import org.verl4j.graph.Value;
import org.verl4j.graph.ParameterLayout;
import org.verl4j.graph.ParameterViews;

/**
 * The decoder forward over one flat parameter input {@code θ [N]} ({@link WeightLayout} order,
 * N = {@link WeightLayout#parameterCount}), no KV cache, ending in per-token log-probabilities and entropy. One
 * session serves every θ of a run (old/reference log-probs after each update without re-exporting the model), and
 * differentiating a loss of its outputs with respect to {@code theta} gives the whole-model gradient as one flat
 * buffer.
 * <pre>
 *   inputs : theta [N], input_ids [B, S], position_ids [B, S], attention_mask [B, S]
 *   values : logits [B, S, V], hidden [B, S, d], logp [B, S−1], entropy [B, S−1]
 * </pre>
 *
 * @param theta   the flat parameter input
 * @param ids     input_ids
 * @param logits  [B, S, V]
 * @param hidden  final-norm hidden states z [B, S, d]
 * @param tokens  log-probabilities of the next tokens and the predictive entropy
 */
public record PolicyGraph(Value theta, Value ids, Value positions, Value mask, Value logits, Value hidden,
                          TokenLogProbs tokens) {

    public static final String THETA = "theta";

    /** Adds the inputs and the forward to {@code g}, in {@code type} (FLOAT, or DOUBLE for gradient checks). */
    public static PolicyGraph build(GraphBuilder g, ModelConfig config, ElementType type) {
        ParameterLayout layout = DecoderForward.layout(config);
        Value theta = g.input(THETA, type, Shape.of(layout.size()));
        Value ids = g.input(GenerationGraph.IDS, ElementType.INT64, Shape.of("batch", "seq"));
        Value positions = g.input(GenerationGraph.POSITIONS, ElementType.INT64, Shape.of("batch", "seq"));
        Value mask = g.input(GenerationGraph.MASK, ElementType.INT64, Shape.of("batch", "seq"));
        DecoderGraph decoder = new DecoderGraph(g, config, new ParameterSource.Views(new ParameterViews(g, theta, layout)));
        Value z = decoder.forward(ids, positions, mask, null).hidden();
        Value logits = decoder.logits(z);
        return new PolicyGraph(theta, ids, positions, mask, logits, z, TokenLogProbs.of(g, logits, ids));
    }
}
