package org.verl4j.model;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.KeptOutputs;
import org.verl4j.graph.OrtRunner;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs the {@link GenerationGraph#generation} graph with a KV cache it owns: {@link #prefill} a left-padded batch
 * of prompts, then {@link #decode} one token per row at a time. Positions follow {@link Positions} (Hugging Face's
 * rule), then one more per decoded token; every decoded token
 * is a real token (mask 1), finished rows included — the caller ignores what follows a row's EOS.
 *
 * <p>Each step returns the logits and the final-norm hidden state at the last position of every row: row t of a
 * response's hidden states Z (ALGORITHM.md §1) is the {@code hidden} of the step that produced token t+1.
 */
public final class GenerationSession implements AutoCloseable {

    /**
     * The last position of each row.
     *
     * @param logits [B][V] next-token logits
     * @param hidden [B][d] final-norm hidden state z that produced them
     */
    public record Step(float[][] logits, float[][] hidden) {
    }

    private final OrtRunner runner;
    private final ModelConfig config;
    private KeptOutputs cache;                          // the last step's outputs (present.ℓ.key/value), in ORT
    private int[][] mask;                               // [B][T] so far
    private int[] nextPosition;                         // per row

    /** A session over the serialized generation graph of {@code config}. */
    public GenerationSession(byte[] generationGraph, ModelConfig config, OrtRunner.Options options) {
        this.runner = new OrtRunner(generationGraph, options);
        this.config = config;
    }

    /** Runs the prompts {@code ids [B][S]} with {@code mask [B][S]} (left padding = leading zeros). */
    public Step prefill(int[][] ids, int[][] promptMask) {
        int batch = ids.length, s = ids[0].length;
        long[] positions = new long[batch * s];
        nextPosition = new int[batch];
        mask = new int[batch][];
        for (int b = 0; b < batch; b++) {
            if (ids[b].length != s || promptMask[b].length != s)
                throw new IllegalArgumentException("prompt row " + b + " is not " + s + " long (ids and mask must be rectangular)");
            mask[b] = promptMask[b].clone();
            int[] rowPositions = Positions.fromMask(promptMask[b]);
            for (int t = 0; t < s; t++) positions[b * s + t] = rowPositions[t];
            nextPosition[b] = Positions.next(promptMask[b]);
            if (nextPosition[b] == 0) throw new IllegalArgumentException("prompt row " + b + " has no real token (mask all 0)");
        }
        Map<String, HostTensor> feed = new HashMap<>();
        long[] empty = {batch, config.numKvHeads(), 0, config.headDim()};
        for (int l = 0; l < config.numLayers(); l++) {
            feed.put(GenerationGraph.pastKey(l), HostTensor.ofFloating(ElementType.FLOAT, empty));
            feed.put(GenerationGraph.pastValue(l), HostTensor.ofFloating(ElementType.FLOAT, empty));
        }
        return run(feed, Map.of(), flatten(ids), positions, s);
    }

    /** Appends one token per row ({@code tokens[b]}) and runs it against the cache. */
    public Step decode(int[] tokens) {
        if (mask == null) throw new IllegalStateException("decode before prefill");
        if (tokens.length != mask.length)
            throw new IllegalArgumentException("decode got " + tokens.length + " tokens for a batch of " + mask.length);
        long[] ids = new long[tokens.length], positions = new long[tokens.length];
        for (int b = 0; b < tokens.length; b++) {
            ids[b] = tokens[b];
            positions[b] = nextPosition[b]++;
            int[] grown = java.util.Arrays.copyOf(mask[b], mask[b].length + 1);
            grown[mask[b].length] = 1;
            mask[b] = grown;
        }
        Map<String, KeptOutputs.Output> reuse = new HashMap<>();              // past ← present, no copy through Java
        for (int l = 0; l < config.numLayers(); l++) {
            reuse.put(GenerationGraph.pastKey(l), cache.output(GenerationGraph.presentKey(l)));
            reuse.put(GenerationGraph.pastValue(l), cache.output(GenerationGraph.presentValue(l)));
        }
        return run(new HashMap<>(), reuse, ids, positions, 1);
    }

    private Step run(Map<String, HostTensor> feed, Map<String, KeptOutputs.Output> reuse, long[] ids, long[] positions, int s) {
        int batch = mask.length;
        feed.put(GenerationGraph.IDS, HostTensor.ofLongs(new long[]{batch, s}, ids));
        feed.put(GenerationGraph.POSITIONS, HostTensor.ofLongs(new long[]{batch, s}, positions));
        feed.put(GenerationGraph.MASK, HostTensor.ofLongs(new long[]{batch, mask[0].length}, flatten(mask)));
        KeptOutputs out = runner.runKeeping(feed, reuse);
        if (cache != null) cache.close();
        cache = out;
        return new Step(last(out.copy(GenerationGraph.LOGITS), batch, s), last(out.copy(GenerationGraph.HIDDEN), batch, s));
    }

    /** Rows {@code [b, s−1, :]} of a [B, S, n] float tensor. */
    private static float[][] last(HostTensor x, int batch, int s) {
        float[] all = (float[]) x.data();
        int n = all.length / (batch * s);
        float[][] out = new float[batch][n];
        for (int b = 0; b < batch; b++) System.arraycopy(all, ((b + 1) * s - 1) * n, out[b], 0, n);
        return out;
    }

    private static long[] flatten(int[][] x) {
        int s = x[0].length;
        long[] out = new long[x.length * s];
        for (int b = 0; b < x.length; b++) for (int t = 0; t < s; t++) out[b * s + t] = x[b][t];
        return out;
    }

    @Override
    public void close() {
        try {
            if (cache != null) cache.close();
        } finally {
            runner.close();
        }
    }
}
