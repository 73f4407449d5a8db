package org.verl4j.rollout;

import org.verl4j.graph.HostTensor;
import org.verl4j.graph.KeptOutputs;
import org.verl4j.graph.OrtRunner;
import org.verl4j.model.GenerationGraph;
import org.verl4j.model.ModelConfig;
import org.verl4j.model.Positions;

import java.util.HashMap;
import java.util.Map;

/**
 * A batch of rows decoding against one KV cache kept in ONNX Runtime memory. Every row is its left padding followed
 * by real tokens, so a row's attention mask is {@code [0]·pad[b] ++ [1]·(T − pad[b])} and its next position is
 * {@code T − pad[b]} ({@link Positions}). {@link #select} re-batches the cache (fan-out, compaction) through
 * {@link GenerationGraph#rowSelect}.
 */
final class KvBatch implements AutoCloseable {

    /** The last position's logits [B][V] and captured hidden state [B][d] (z by default) of each row. */
    record Step(float[][] logits, float[][] hidden) {
    }

    private final OrtRunner generation, rowSelect;
    private final ModelConfig config;
    private final PolicyWeights weights;
    private KeptOutputs cache;
    private int[] pads = new int[0];
    private int total;
    long ortNanos;
    long rowSteps;                                   // Σ over runs of rows × new tokens

    private final Capture capture;

    KvBatch(OrtRunner generation, OrtRunner rowSelect, ModelConfig config, PolicyWeights weights, Capture capture) {
        this.capture = capture;
        this.generation = generation;
        this.rowSelect = rowSelect;
        this.config = config;
        this.weights = weights;
    }

    int rows() {
        return pads.length;
    }

    /** Length T of every row so far (padding included). */
    int total() {
        return total;
    }

    /** Prefills prompts, left-padded to {@code width} tokens (at least the longest prompt). */
    Step prefill(Prompt[] prompts, int width) {
        int s = width;
        int batch = prompts.length;
        long[] ids = new long[batch * s];
        pads = new int[batch];
        total = s;
        for (int b = 0; b < batch; b++) {
            pads[b] = s - prompts[b].length();
            for (int t = 0; t < prompts[b].length(); t++) ids[b * s + pads[b] + t] = prompts[b].token(t);
        }
        Map<String, HostTensor> feed = new HashMap<>();
        long[] empty = {batch, config.numKvHeads(), 0, config.headDim()};
        for (int l = 0; l < config.numLayers(); l++) {
            feed.put(GenerationGraph.pastKey(l), HostTensor.ofFloats(empty, new float[0]));
            feed.put(GenerationGraph.pastValue(l), HostTensor.ofFloats(empty, new float[0]));
        }
        return run(feed, new HashMap<>(), ids, positions(s), s);
    }

    /** Appends {@code tokens[b]} to row b and runs them against the cache. */
    Step decode(int[] tokens) {
        if (tokens.length != pads.length)
            throw new IllegalArgumentException("decode got " + tokens.length + " tokens for " + pads.length + " rows");
        long[] ids = new long[tokens.length];
        for (int b = 0; b < tokens.length; b++) ids[b] = tokens[b];
        long[] positions = new long[tokens.length];
        for (int b = 0; b < tokens.length; b++) positions[b] = total - pads[b];      // the next position
        total++;
        Map<String, KeptOutputs.Output> reuse = cacheFeed();
        return run(new HashMap<>(), reuse, ids, positions, 1);
    }

    /** Keeps rows {@code rows} of the cache, in that order (a row may repeat). */
    void select(int[] rows) {
        long[] index = new long[rows.length];
        int[] nextPads = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            index[i] = rows[i];
            nextPads[i] = pads[rows[i]];
        }
        Map<String, HostTensor> feed = new HashMap<>();
        feed.put(GenerationGraph.ROWS, HostTensor.ofLongs(new long[]{rows.length}, index));
        long start = System.nanoTime();
        KeptOutputs next = rowSelect.runKeeping(feed, cacheFeed());
        ortNanos += System.nanoTime() - start;
        cache.close();
        cache = next;
        pads = nextPads;
    }

    private Map<String, KeptOutputs.Output> cacheFeed() {
        Map<String, KeptOutputs.Output> reuse = new HashMap<>();                   // past ← present, no copy
        for (int l = 0; l < config.numLayers(); l++) {
            reuse.put(GenerationGraph.pastKey(l), cache.output(GenerationGraph.presentKey(l)));
            reuse.put(GenerationGraph.pastValue(l), cache.output(GenerationGraph.presentValue(l)));
        }
        return reuse;
    }

    /** Prompt positions of every row over its {@code s} columns. */
    private long[] positions(int s) {
        long[] out = new long[pads.length * s];
        for (int b = 0; b < pads.length; b++) {
            int[] p = Positions.fromMask(mask(b));
            for (int t = 0; t < s; t++) out[b * s + t] = p[t];
        }
        return out;
    }

    private int[] mask(int b) {
        int[] m = new int[total];
        for (int t = pads[b]; t < total; t++) m[t] = 1;
        return m;
    }

    private Step run(Map<String, HostTensor> feed, Map<String, KeptOutputs.Output> reuse, long[] ids, long[] positions, int s) {
        int batch = pads.length;
        long[] mask = new long[batch * total];
        for (int b = 0; b < batch; b++) for (int t = pads[b]; t < total; t++) mask[b * total + t] = 1;
        feed.put(GenerationGraph.IDS, HostTensor.ofLongs(new long[]{batch, s}, ids));
        feed.put(GenerationGraph.POSITIONS, HostTensor.ofLongs(new long[]{batch, s}, positions));
        feed.put(GenerationGraph.MASK, HostTensor.ofLongs(new long[]{batch, total}, mask));
        reuse.putAll(weights.feed());
        rowSteps += (long) batch * s;
        long start = System.nanoTime();
        KeptOutputs out = generation.runKeeping(feed, reuse);
        ortNanos += System.nanoTime() - start;
        if (cache != null) cache.close();
        cache = out;
        return new Step(rows(out.copy(GenerationGraph.LOGITS), batch), rows(out.copy(capture.output()), batch));
    }

    /** [B, 1, n] as [B][n]. */
    private static float[][] rows(HostTensor x, int batch) {
        float[] all = (float[]) x.data();
        int n = all.length / batch;
        float[][] out = new float[batch][n];
        for (int b = 0; b < batch; b++) System.arraycopy(all, b * n, out[b], 0, n);
        return out;
    }

    @Override
    public void close() {
        if (cache != null) cache.close();
        cache = null;
    }
}
