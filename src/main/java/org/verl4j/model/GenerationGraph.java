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
 * The inference graphs of a decoder, parameters baked in as initializers or fed as inputs
 * ({@link #generationOverInputs}: the rollout engine's; logits, hidden and layer outputs at the last position only).
 * <ul>
 *   <li>{@link #generation}: one graph for prefill (P = 0, empty caches) and decode (S = 1) —
 *   inputs {@code input_ids [B, S]}, {@code position_ids [B, S]}, {@code attention_mask [B, P+S]} (INT64),
 *   {@code past.ℓ.key/value [B, H_kv, P, D]}; outputs {@code logits [B, S, V]}, {@code hidden [B, S, d]} (the
 *   final-norm state z of ALGORITHM.md §1), {@code present.ℓ.key/value [B, H_kv, P+S, D]} and, for each captured layer,
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
        return generation(weights.config(), new ParameterSource.Initializers(weights, type), capturedLayers, Readout.ALL);
    }

    /**
     * The prefill/decode graph with every parameter a graph input named after it ({@link ParameterSource.Inputs}):
     * fed from the outputs of {@link #weightUpload} kept in ONNX Runtime memory, so a new policy needs no rebuild
     * and the graph has no size limit.
     */
    public static GraphBuilder.Graph generationOverInputs(ModelConfig c, ElementType type, Set<Integer> capturedLayers) {
        return generation(c, new ParameterSource.Inputs(type), capturedLayers, Readout.LAST);
    }

    /** The input name of parameter {@code name} in {@link #weightUpload}. */
    public static String upload(String name) { return "upload." + name; }

    /**
     * Copies each parameter into ONNX Runtime memory: input {@code upload.<name>} → output {@code <name>} =
     * −(−x) (exact; a computed output, so it never aliases the caller's staging buffer). Run once per policy; its
     * kept outputs feed {@link #generationOverInputs} without further copies.
     */
    public static GraphBuilder.Graph weightUpload(ModelConfig c, ElementType type) {
        GraphBuilder g = new GraphBuilder(c.architecture().modelType() + "_weight_upload");
        for (WeightSpec spec : WeightLayout.of(c)) {
            Value x = new ParameterSource.Inputs(type).weight(g, new WeightSpec(upload(spec.name()), spec.shape()));
            g.output(spec.name(), g.neg(g.neg(x)));
        }
        return g.build();
    }

    public static final String ROWS = "rows";

    /**
     * Re-batches a KV cache: {@code present.ℓ.key/value = past.ℓ.key/value[rows]} (Gather on the batch axis), for
     * rows {@code [B']} (INT64). Fans a prefilled prompt out to its n samples (a row repeated) and drops finished rows
     * (compaction).
     */
    public static GraphBuilder.Graph rowSelect(ModelConfig c, ElementType type) {
        GraphBuilder g = new GraphBuilder(c.architecture().modelType() + "_row_select");
        Value rows = g.input(ROWS, ElementType.INT64, Shape.of("rows"));
        for (int l = 0; l < c.numLayers(); l++) {
            Shape s = Shape.of("batch", c.numKvHeads(), "past", c.headDim());
            g.output(presentKey(l), g.gather(g.input(pastKey(l), type, s), rows, 0));
            g.output(presentValue(l), g.gather(g.input(pastValue(l), type, s), rows, 0));
        }
        return g.build();
    }

    /** Which positions the logits, hidden and layer outputs cover: all S, or the last only ({@code [B, 1, ·]}: a
     *  prefill then never computes or copies the LM head over the whole prompt). */
    private enum Readout { ALL, LAST }

    private static GraphBuilder.Graph generation(ModelConfig c, ParameterSource params, Set<Integer> capturedLayers,
                                                 Readout readout) {
        ElementType type = params.type();
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
        DecoderGraph decoder = new DecoderGraph(g, c, params);
        DecoderGraph.Forward f = decoder.forward(ids, positions, mask, past);
        Value z = readout == Readout.ALL ? f.hidden() : last(g, f.hidden());
        g.output(LOGITS, decoder.logits(z));
        g.output(HIDDEN, z);
        for (int l = 0; l < c.numLayers(); l++) {
            g.output(presentKey(l), f.present().get(l).key());
            g.output(presentValue(l), f.present().get(l).value());
        }
        for (int l : new TreeSet<>(capturedLayers)) {
            Value x = f.layerOutputs().get(l);
            g.output(layerOutput(l), readout == Readout.ALL ? x : last(g, x));
        }
        return g.build();
    }

    /** {@code x[:, −1:, :]}. */
    private static Value last(GraphBuilder g, Value x) {
        return g.slice(x, new long[]{-1}, new long[]{Long.MAX_VALUE}, new long[]{1});
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
