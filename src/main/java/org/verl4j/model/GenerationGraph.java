package org.verl4j.model;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Shape;
import org.verl4j.graph.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The inference graphs of a decoder, parameters baked in as initializers.
 * <ul>
 *   <li>{@link #generation}: one graph for prefill (P = 0, empty caches) and decode (S = 1) —
 *   inputs {@code input_ids [B, S]}, {@code position_ids [B, S]}, {@code attention_mask [B, P+S]} (INT64),
 *   {@code past.ℓ.key/value [B, H_kv, P, D]}; outputs {@code logits [B, S, V]}, {@code hidden [B, S, d]} (the
 *   final-norm state z of spec §1), {@code present.ℓ.key/value [B, H_kv, P+S, D]} and, for each captured layer,
 *   {@code layer.ℓ [B, S, d]} (the residual stream after block ℓ).</li>
 *   <li>{@link #logProbs}: no cache, no gradients — inputs {@code input_ids}, {@code position_ids},
 *   {@code attention_mask} [B, S]; outputs {@code logp}, {@code entropy} [B, S−1] ({@link TokenLogProbs}).</li>
 * </ul>
 */
public final class GenerationGraph {

    public static final String IDS = "input_ids", POSITIONS = "position_ids", MASK = "attention_mask";
    public static final String LOGITS = "logits", HIDDEN = "hidden", LOGP = "logp", ENTROPY = "entropy";

    private GenerationGraph() {
    }

    public static String pastKey(int l) { return "past." + l + ".key"; }

    public static String pastValue(int l) { return "past." + l + ".value"; }

    public static String presentKey(int l) { return "present." + l + ".key"; }

    public static String presentValue(int l) { return "present." + l + ".value"; }

    public static String layerOutput(int l) { return "layer." + l; }

    /** The prefill/decode graph; {@code capturedLayers} are extra layer outputs (may be empty). */
    public static GraphBuilder.Graph generation(DecoderWeights weights, ElementType type, Set<Integer> capturedLayers) {
        ModelConfig c = weights.config();
        for (int l : capturedLayers)
            if (l < 0 || l >= c.numLayers())
                throw new IllegalArgumentException("cannot capture layer " + l + " of " + c.numLayers());
        GraphBuilder g = new GraphBuilder(c.architecture().modelType() + "_generation");
        Value ids = g.input(IDS, ElementType.INT64, Shape.of("batch", "seq"));
        Value positions = g.input(POSITIONS, ElementType.INT64, Shape.of("batch", "seq"));
        Value mask = g.input(MASK, ElementType.INT64, Shape.of("batch", "total"));
        List<DecoderGraph.KvCache> past = new ArrayList<>();
        for (int l = 0; l < c.numLayers(); l++) {
            Shape s = Shape.of("batch", c.numKvHeads(), "past", c.headDim());
            past.add(new DecoderGraph.KvCache(g.input(pastKey(l), type, s), g.input(pastValue(l), type, s)));
        }
        DecoderGraph decoder = new DecoderGraph(g, c, new ParameterSource.Initializers(weights, type));
        DecoderGraph.Forward f = decoder.forward(ids, positions, mask, past);
        g.output(LOGITS, decoder.logits(f.hidden()));
        g.output(HIDDEN, f.hidden());
        for (int l = 0; l < c.numLayers(); l++) {
            g.output(presentKey(l), f.present().get(l).key());
            g.output(presentValue(l), f.present().get(l).value());
        }
        for (int l : new TreeSet<>(capturedLayers)) g.output(layerOutput(l), f.layerOutputs().get(l));
        return g.build();
    }

    /** The log-probability and entropy graph. */
    public static GraphBuilder.Graph logProbs(DecoderWeights weights, ElementType type) {
        ModelConfig c = weights.config();
        GraphBuilder g = new GraphBuilder(c.architecture().modelType() + "_logprobs");
        Value ids = g.input(IDS, ElementType.INT64, Shape.of("batch", "seq"));
        Value positions = g.input(POSITIONS, ElementType.INT64, Shape.of("batch", "seq"));
        Value mask = g.input(MASK, ElementType.INT64, Shape.of("batch", "seq"));
        DecoderGraph decoder = new DecoderGraph(g, c, new ParameterSource.Initializers(weights, type));
        DecoderGraph.Forward f = decoder.forward(ids, positions, mask, null);
        TokenLogProbs lp = TokenLogProbs.of(g, decoder.logits(f.hidden()), ids);
        g.output(LOGP, lp.logp());
        g.output(ENTROPY, lp.entropy());
        return g.build();
    }
}
