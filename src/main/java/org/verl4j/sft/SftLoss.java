package org.verl4j.sft;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.model.DecoderForward;
import org.verl4j.model.DecoderWeights;
import org.verl4j.rl.LossAggregation;
import org.verl4j.tasks.CharTokenizer;
import org.verl4j.trainstep.Objective;
import org.verl4j.trainstep.TrainStepGraph;

import java.util.List;
import java.util.Map;

/**
 * The SFT loss of fixed weights on examples, without updating them: the ACCUMULATE train-step graph run once per
 * batch of {@code batchSize} examples (its gradient output is discarded), float32. The mean over examples is taken
 * batch by batch as the aggregation prescribes:
 * <pre>
 * TOKEN_MEAN: L = Σ_batches Σ m·ℓ / Σ_batches Σ m          (each batch's mean weighted by its token count)
 * otherwise : L = Σ_batches B_k · L_k / Σ_batches B_k
 * </pre>
 */
public final class SftLoss {

    private SftLoss() {
    }

    /** L of {@code weights} on {@code examples} (in order, batches of {@code batchSize}). */
    public static double of(DecoderWeights weights, List<SftExample> examples, LossAggregation aggregation,
                            int batchSize, OrtRunner.Options options) {
        SupervisedFineTuning.requireFits(weights.config(), examples);
        DecoderForward forward = new DecoderForward(weights.config());
        float[] theta = weights.flatten();
        long[] n = {theta.length};
        double total = 0, weight = 0;
        try (OrtRunner run = new OrtRunner(TrainStepGraph.build("sft_loss", ElementType.FLOAT, forward.layout(),
                forward, new Objective.Sft(aggregation), TrainStepGraph.Mode.ACCUMULATE), options)) {
            for (int from = 0; from < examples.size(); from += batchSize) {
                List<SftExample> batch = examples.subList(from, Math.min(examples.size(), from + batchSize));
                Map<String, HostTensor> feed = SftBatch.feed(batch, CharTokenizer.PAD);
                feed.put(TrainStepGraph.THETA, HostTensor.ofFloats(n, theta));
                feed.put(TrainStepGraph.GRAD_ACC, HostTensor.ofFloats(n, new float[theta.length]));
                feed.put(TrainStepGraph.WEIGHT, HostTensor.scalar(ElementType.FLOAT, 1));
                double loss = run.run(feed).get(TrainStepGraph.LOSS).scalar();
                double w = aggregation == LossAggregation.TOKEN_MEAN ? tokens(batch) : batch.size();
                total += w * loss;
                weight += w;
            }
        }
        return total / weight;
    }

    private static int tokens(List<SftExample> batch) {
        int t = 0;
        for (SftExample e : batch) t += e.response().length;
        return t;
    }
}
