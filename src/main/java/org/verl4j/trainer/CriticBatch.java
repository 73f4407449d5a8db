package org.verl4j.trainer;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.trainstep.TrainStepGraph;

import java.util.Map;

/**
 * The critic's inputs of one training step (ValueLoss, ALGORITHM.md §8): the {@link Sequences} and, per response token,
 * <pre>
 * old_values   [B, R]    V_old[i][t], the critic's values when the step sampled (the clip's centre)
 * returns      [B, R]    R[i][t], the GAE returns (the regression target)
 * </pre>
 *
 * @param sequences prompts and responses
 * @param oldValues per response token
 * @param returns   per response token
 */
public record CriticBatch(Sequences sequences, double[][] oldValues, double[][] returns) {

    /** The critic's feeds of responses {@code rows}, floating tensors of {@code type}. */
    public Map<String, HostTensor> feed(int[] rows, ElementType type) {
        Map<String, HostTensor> f = sequences.feed(rows);
        f.put(TrainStepGraph.OLD_VALUES, Sequences.perToken(type, f, oldValues, rows));
        f.put(TrainStepGraph.RETURNS, Sequences.perToken(type, f, returns, rows));
        return f;
    }

    /** B, the number of responses. */
    public int size() {
        return sequences.size();
    }
}
