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
 * The responses of one training step as PPO tensors in verl's layout, and the feeds of any subset of them (a
 * micro-batch):
 * <pre>
 * prompts          [B, P]    left-padded with the pad id            attention_mask  [B, P+R]  1 on real tokens
 * responses        [B, R]    right-padded (R = the subset's longest) position_ids    [B, P+R]  Positions.fromMask
 * response_mask    [B, R]    true on y_1 … y_T (EOS included)
 * old_log_probs    [B, R]    log π_old(y_t), the rollout's temperature-1 log-probs
 * ref_log_probs    [B, R]    log π_ref(y_t) (the old ones when the KL coefficient is 0: the term is weighted 0)
 * advantages       [B, R]    A[i][t]
 * </pre>
 *
 * @param prompts    prompt token ids per response
 * @param responses  response token ids per response (EOS included)
 * @param oldLogProb per response token
 * @param refLogProb per response token
 * @param advantages per response token
 * @param padId      the pad token id
 */
public record PpoBatch(int[][] prompts, int[][] responses, double[][] oldLogProb, double[][] refLogProb,
                       double[][] advantages, int padId) {

    /** The actor's feeds of responses {@code rows} (indices into this batch), floating tensors of {@code type}. */
    public Map<String, HostTensor> feed(int[] rows, ElementType type) {
        Map<String, HostTensor> f = sequences(rows);
        long[] tokens = f.get(TrainStepGraph.MASK).shape();
        f.put(TrainStepGraph.OLD_LOG_PROBS, HostTensor.ofFloating(type, tokens, padded(oldLogProb, rows, tokens)));
        f.put(TrainStepGraph.REF_LOG_PROBS, HostTensor.ofFloating(type, tokens, padded(refLogProb, rows, tokens)));
        f.put(TrainStepGraph.ADVANTAGES, HostTensor.ofFloating(type, tokens, padded(advantages, rows, tokens)));
        return f;
    }

    /** The critic's feeds (ValueLoss inputs): the sequences, the values when sampled and the GAE returns. */
    public Map<String, HostTensor> criticFeed(int[] rows, ElementType type, double[][] oldValues, double[][] returns) {
        Map<String, HostTensor> f = sequences(rows);
        long[] tokens = f.get(TrainStepGraph.MASK).shape();
        f.put(TrainStepGraph.OLD_VALUES, HostTensor.ofFloating(type, tokens, padded(oldValues, rows, tokens)));
        f.put(TrainStepGraph.RETURNS, HostTensor.ofFloating(type, tokens, padded(returns, rows, tokens)));
        return f;
    }

    /** Per-response values laid out [rows, R], 0 after each response. */
    private static double[] padded(double[][] x, int[] rows, long[] shape) {
        int r = (int) shape[1];
        double[] out = new double[rows.length * r];
        for (int row = 0; row < rows.length; row++)
            System.arraycopy(x[rows[row]], 0, out, row * r, Math.min(r, x[rows[row]].length));
        return out;
    }

    /** The decoder's inputs and the response mask of responses {@code rows}. */
    public Map<String, HostTensor> sequences(int[] rows) {
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

    /** B, the number of responses. */
    public int size() {
        return responses.length;
    }
}
