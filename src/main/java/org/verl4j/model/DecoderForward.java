package org.verl4j.model;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Shape;
import org.verl4j.graph.Value;
import org.verl4j.graph.Forward;
import org.verl4j.graph.ParameterLayout;
import org.verl4j.graph.ParameterViews;

import java.util.Arrays;
import java.util.List;

/**
 * The decoder as the forward of a train-step graph ({@code trainstep.TrainStepGraph}): parameters are the views of the flat
 * θ ({@link #layout}), and the output is read at the positions that predict the response tokens, in verl's layout
 * of a micro-batch:
 * <pre>
 *   inputs : prompts [B, P] (left-padded), responses [B, R] (right-padded),
 *            attention_mask [B, P+R], position_ids [B, P+R]          (INT64)
 *   ids    = [prompts, responses]                                     [B, P+R]
 *   POLICY : logits(ids)[:, P−1 : P+R−1]                              [B, R, V]   (column t predicts response token t)
 *   VALUE  : values(ids)[:, P−1 : P+R−1]                              [B, R]      (verl's critic: V before token t)
 * </pre>
 * The {@code responses} input is declared here (the forward needs it) and handed to the loss in the
 * {@link Forward.Output}, so the loss reads these very tokens.
 *
 * @param head POLICY (LM head: PPO and SFT objectives) or VALUE (critic objective)
 */
public record DecoderForward(ModelConfig config, Head head) implements Forward {

    /** Which head the forward ends in. */
    public enum Head { POLICY, VALUE }

    public static final String PROMPTS = "prompts";

    /** A policy forward. */
    public DecoderForward(ModelConfig config) {
        this(config, Head.POLICY);
    }

    /** The policy's flat layout θ follows: {@link WeightLayout#of} in order. */
    public static ParameterLayout layout(ModelConfig config) {
        return layout(WeightLayout.of(config));
    }

    /** This forward's flat layout ({@link WeightLayout#critic} for the value head). */
    public ParameterLayout layout() {
        return layout(head == Head.POLICY ? WeightLayout.of(config) : WeightLayout.critic(config));
    }

    private static ParameterLayout layout(List<WeightSpec> specs) {
        ParameterLayout.Builder b = ParameterLayout.builder();
        for (WeightSpec s : specs) b.add(s.name(), Arrays.stream(s.shape()).asLongStream().toArray());
        return b.build();
    }

    @Override
    public Output build(GraphBuilder g, ParameterViews theta) {
        Value prompts = g.input(PROMPTS, ElementType.INT64, Shape.of("batch", "prompt"));
        Value responses = g.input(Forward.RESPONSES, ElementType.INT64, Shape.of("batch", "response"));
        Value mask = g.input(GenerationGraph.MASK, ElementType.INT64, Shape.of("batch", "seq"));
        Value positions = g.input(GenerationGraph.POSITIONS, ElementType.INT64, Shape.of("batch", "seq"));
        // [prompts, responses] has the mask's shape [B, P+R]; declaring it keeps "seq" known to the backward (its
        // broadcast reductions stay static instead of being found at run time)
        Value ids = g.concat(1, mask.shape(), prompts, responses).named(GenerationGraph.IDS);
        DecoderGraph decoder = new DecoderGraph(g, config, new ParameterSource.Views(theta));
        Value z = decoder.forward(ids, positions, mask, null).hidden();
        Value out = head == Head.POLICY ? decoder.logits(z) : decoder.values(z);
        Value p = g.gather(g.shape(prompts), g.longs(1), 0);                           // [P]
        Value end = g.sub(g.gather(g.shape(ids), g.longs(1), 0), g.longs(1));          // [P+R−1]
        Value start = g.sub(p, g.longs(1));                                             // [P−1]
        Value sliced = g.slice(out, start, end, 1, responses.shape().dim(1));           // (P+R−1) − (P−1) = R
        return Output.withResponses(sliced.named(head == Head.POLICY ? "response_logits" : "response_values"), responses);
    }
}
