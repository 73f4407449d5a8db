package org.verl4j.trainer;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.trainstep.TrainStepGraph;

import java.util.Map;

/**
 * The actor's PPO inputs of one training step: the {@link Sequences} and, per response token,
 * <pre>
 * old_log_probs    [B, R]    log π_old(y_t), the rollout's temperature-1 log-probs
 * ref_log_probs    [B, R]    log π_ref(y_t) (the old ones when the KL coefficient is 0: the term is weighted 0)
 * advantages       [B, R]    A[i][t]
 * </pre>
 *
 * @param sequences  prompts and responses
 * @param oldLogProb per response token
 * @param refLogProb per response token
 * @param advantages per response token
 */
public record PpoBatch(Sequences sequences, double[][] oldLogProb, double[][] refLogProb, double[][] advantages) {

    /** The actor's feeds of responses {@code rows} (indices into this batch), floating tensors of {@code type}. */
    public Map<String, HostTensor> feed(int[] rows, ElementType type) {
        Map<String, HostTensor> f = sequences.feed(rows);
        f.put(TrainStepGraph.OLD_LOG_PROBS, Sequences.perToken(type, f, oldLogProb, rows));
        f.put(TrainStepGraph.REF_LOG_PROBS, Sequences.perToken(type, f, refLogProb, rows));
        f.put(TrainStepGraph.ADVANTAGES, Sequences.perToken(type, f, advantages, rows));
        return f;
    }

    /** B, the number of responses. */
    public int size() {
        return sequences.size();
    }
}
