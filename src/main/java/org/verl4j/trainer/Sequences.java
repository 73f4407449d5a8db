package org.verl4j.trainer;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.model.DecoderForward;
import org.verl4j.model.GenerationGraph;
import org.verl4j.model.Positions;
import org.verl4j.trainstep.TrainStepGraph;

import java.util.HashMap;
import java.util.Map;

/**
 * The prompts and sampled responses of one training step — what the actor, the critic and the reference policy all
 * read — and the decoder's feeds of any subset of them (a micro-batch or a chunk), in verl's layout:
 * <pre>
 * prompts          [B, P]    left-padded with the pad id            attention_mask  [B, P+R]  1 on real tokens
 * responses        [B, R]    right-padded (R = the subset's longest) position_ids    [B, P+R]  Positions.fromMask
 * response_mask    [B, R]    true on y_1 … y_T (EOS included)
 * </pre>
 *
 * @param prompts   prompt token ids per response
 * @param responses response token ids per response (EOS included)
 * @param padId     the pad token id
 */
public record Sequences(int[][] prompts, int[][] responses, int padId) {

    public Sequences {
        if (prompts.length != responses.length)
            throw new IllegalArgumentException(prompts.length + " prompts for " + responses.length + " responses");
    }

    /** B, the number of responses. */
    public int size() {
        return responses.length;
    }

    /** The decoder's inputs and the response mask of responses {@code rows} (indices into this batch). */
    public Map<String, HostTensor> feed(int[] rows) {
        int b = rows.length, p = 0, r = 0;
        for (int i : rows) {
            p = Math.max(p, prompts[i].length);
            r = Math.max(r, responses[i].length);
        }
        long[] promptIds = new long[b * p], responseIds = new long[b * r], mask = new long[b * (p + r)], positions = new long[b * (p + r)];
        boolean[] responseMask = new boolean[b * r];
        for (int row = 0; row < b; row++) {
            int i = rows[row];
            int[] prompt = prompts[i], response = responses[i];
            int pad = p - prompt.length;
            int[] m = new int[p + r];
            for (int t = 0; t < p; t++) {
                promptIds[row * p + t] = t < pad ? padId : prompt[t - pad];
                m[t] = t < pad ? 0 : 1;
            }
            for (int t = 0; t < r; t++) {
                boolean valid = t < response.length;
                responseIds[row * r + t] = valid ? response[t] : padId;
                m[p + t] = valid ? 1 : 0;
                responseMask[row * r + t] = valid;
            }
            int[] pos = Positions.fromMask(m);
            for (int t = 0; t < p + r; t++) {
                mask[row * (p + r) + t] = m[t];
                positions[row * (p + r) + t] = pos[t];
            }
        }
        long[] tokens = {b, r};
        Map<String, HostTensor> f = new HashMap<>();
        f.put(DecoderForward.PROMPTS, HostTensor.ofLongs(new long[]{b, p}, promptIds));
        f.put(TrainStepGraph.RESPONSES, HostTensor.ofLongs(tokens, responseIds));
        f.put(GenerationGraph.MASK, HostTensor.ofLongs(new long[]{b, p + r}, mask));
        f.put(GenerationGraph.POSITIONS, HostTensor.ofLongs(new long[]{b, p + r}, positions));
        f.put(TrainStepGraph.MASK, HostTensor.ofBooleans(tokens, responseMask));
        return f;
    }

    /**
     * Per-response token values {@code x} of responses {@code rows} as a [rows, R] tensor of {@code type} shaped like
     * the feed's response mask, 0 after each response.
     */
    static HostTensor perToken(ElementType type, Map<String, HostTensor> feed, double[][] x, int[] rows) {
        long[] shape = feed.get(TrainStepGraph.MASK).shape();
        int r = (int) shape[1];
        double[] out = new double[rows.length * r];
        for (int row = 0; row < rows.length; row++)
            System.arraycopy(x[rows[row]], 0, out, row * r, Math.min(r, x[rows[row]].length));
        return HostTensor.ofFloating(type, shape, out);
    }
}
