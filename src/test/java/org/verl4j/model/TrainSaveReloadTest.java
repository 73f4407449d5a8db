package org.verl4j.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.io.DType;
import org.verl4j.rl.ActorLoss;
import org.verl4j.rl.LossAggregation;
import org.verl4j.trainstep.AdamWConfig;
import org.verl4j.trainstep.Objective;
import org.verl4j.trainstep.StepConfig;
import org.verl4j.trainstep.TrainStep;
import org.verl4j.trainstep.TrainStepGraph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * End to end: SFT steps on a decoder lower its loss; the trained θ, written back as a Hugging Face checkpoint and
 * read again, gives the reference decoder the cross entropy the train graph reports for that θ.
 */
class TrainSaveReloadTest {

    /** Fixed seed of every random draw here (a failure reproduces with it). */
    static final long SEED = 711992L;

    @TempDir
    Path dir;

    @Test
    void trainedWeightsSurviveTheCheckpointRoundTrip() throws IOException {
        Random random = new Random(SEED);
        ModelConfig config = RandomDecoders.config(Architecture.QWEN2, 1, 1, 2, 4, true, false, 9);
        DecoderWeights initial = RandomDecoders.weights(config, random);
        PpoMicroBatch batch = new PpoMicroBatch(initial, random, new int[]{0, 1}, 3, new int[]{4, 3}, 4, false);
        Map<String, HostTensor> feed = batch.feed(ElementType.FLOAT, ActorLoss.defaults());
        feed.keySet().retainAll(Set.of(DecoderForward.PROMPTS, TrainStepGraph.RESPONSES, TrainStepGraph.MASK,
                GenerationGraph.MASK, GenerationGraph.POSITIONS));                    // what SFT reads
        DecoderForward forward = new DecoderForward(config);
        double[] theta0 = new double[(int) forward.layout().size()];
        float[] flat = initial.flatten();
        for (int i = 0; i < flat.length; i++) theta0[i] = flat[i];
        LossAggregation mode = LossAggregation.TOKEN_MEAN;
        double first, last;
        double[] theta;
        try (TrainStep step = new TrainStep(ElementType.FLOAT, forward.layout(), forward, StepConfig.DEFAULTS
                .withObjective(new Objective.Sft(mode)).withOptimizer(new AdamWConfig(0.05, 0.9, 0.999, 1e-8, 0.0, 1.0)),
                theta0, OrtRunner.Options.cpu(1))) {
            first = step.step(List.of(feed)).microBatches().get(0).loss();
            for (int k = 0; k < 4; k++) step.step(List.of(feed));
            theta = step.theta();
            last = step.step(List.of(feed)).microBatches().get(0).loss();   // loss at θ
        }
        assertThat(last).isLessThan(first);

        DecoderWeights.unflatten(config, theta).save(dir, DType.F32);
        DecoderWeights reloaded = DecoderWeights.load(dir);
        double[][] nll = new double[2][4];
        double[][][] logits = new ReferenceDecoder(reloaded).forward(batch.ids, batch.mask, batch.positions).logits();
        for (int i = 0; i < 2; i++)
            for (int t = 0; t < 4; t++) {
                double[] row = logits[i][3 - 1 + t];
                double max = Double.NEGATIVE_INFINITY, z = 0;
                for (double x : row) max = Math.max(max, x);
                for (double x : row) z += Math.exp(x - max);
                nll[i][t] = max + Math.log(z) - row[batch.responses[i][t]];
            }
        assertThat(mode.aggregate(nll, batch.responseMask)).isCloseTo(last, within(1e-4));
    }
}
