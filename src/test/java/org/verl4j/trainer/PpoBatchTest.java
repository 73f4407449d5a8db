package org.verl4j.trainer;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.model.DecoderForward;
import org.verl4j.model.GenerationGraph;
import org.verl4j.trainstep.TrainStepGraph;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The PPO tensors in verl's layout, against values written out by hand. */
class PpoBatchTest {

    private static final int PAD = 2;
    private final Sequences sequences = new Sequences(
            new int[][]{{7, 8, 9}, {5}},                       // prompts of length 3 and 1
            new int[][]{{10, 1}, {11, 12, 1}}, PAD);           // responses of length 2 and 3 (EOS = 1 included)
    private final PpoBatch batch = new PpoBatch(sequences,
            new double[][]{{-0.5, -0.25}, {-1, -2, -3}},
            new double[][]{{-0.6, -0.3}, {-1.5, -2.5, -3.5}},
            new double[][]{{0.7, 0.7}, {-0.2, -0.2, -0.2}});

    @Test
    void promptsAreLeftPaddedResponsesRightPaddedWithHuggingFacePositions() {
        Map<String, HostTensor> f = batch.feed(new int[]{1, 0}, ElementType.DOUBLE);   // rows in the order asked
        assertThat(f.get(DecoderForward.PROMPTS).longs()).containsExactly(PAD, PAD, 5, 7, 8, 9);
        assertThat(f.get(TrainStepGraph.RESPONSES).longs()).containsExactly(11, 12, 1, 10, 1, PAD);
        assertThat(f.get(GenerationGraph.MASK).longs()).containsExactly(0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0);
        // position = cumsum(mask) − 1 on real tokens, 1 on padding
        assertThat(f.get(GenerationGraph.POSITIONS).longs()).containsExactly(1, 1, 0, 1, 2, 3, 0, 1, 2, 3, 4, 1);
        assertThat(f.get(TrainStepGraph.MASK).booleans()).containsExactly(true, true, true, true, true, false);
        assertThat(f.get(TrainStepGraph.OLD_LOG_PROBS).doubles()).containsExactly(-1, -2, -3, -0.5, -0.25, 0);
        assertThat(f.get(TrainStepGraph.REF_LOG_PROBS).doubles()).containsExactly(-1.5, -2.5, -3.5, -0.6, -0.3, 0);
        assertThat(f.get(TrainStepGraph.ADVANTAGES).doubles()).containsExactly(-0.2, -0.2, -0.2, 0.7, 0.7, 0);
        assertThat(f.get(TrainStepGraph.MASK).shape()).containsExactly(2, 3);
    }

    @Test
    void aSubsetIsPaddedToItsOwnLongestRows() {
        Map<String, HostTensor> f = batch.feed(new int[]{0}, ElementType.FLOAT);
        assertThat(f.get(DecoderForward.PROMPTS).shape()).containsExactly(1, 3);
        assertThat(f.get(TrainStepGraph.RESPONSES).shape()).containsExactly(1, 2);
        Map<String, HostTensor> c = new CriticBatch(sequences, new double[][]{{0.1, 0.2}, {0, 0, 0}},
                new double[][]{{1, 1}, {0.5, 0.25, 0.125}}).feed(new int[]{1, 0}, ElementType.DOUBLE);
        assertThat(c.get(TrainStepGraph.OLD_VALUES).doubles()).containsExactly(0, 0, 0, 0.1, 0.2, 0);
        assertThat(c.get(TrainStepGraph.RETURNS).doubles()).containsExactly(0.5, 0.25, 0.125, 1, 1, 0);
        assertThat(c.get(TrainStepGraph.RESPONSES).longs()).containsExactly(11, 12, 1, 10, 1, PAD);
        assertThat(c).doesNotContainKeys(TrainStepGraph.ADVANTAGES, TrainStepGraph.OLD_LOG_PROBS);
    }

    @Test
    void zeroStdGroupsAreTheGroupsWithOneScore() {
        Graded g = new Graded(new double[]{1, 1, -1, 1, -0.5, -0.5}, new boolean[6]);   // groups of 2
        assertThat(g.zeroStdGroupFraction(2)).isEqualTo(2.0 / 3);
    }
}
