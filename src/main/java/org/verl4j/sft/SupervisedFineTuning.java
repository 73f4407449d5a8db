package org.verl4j.sft;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.model.DecoderForward;
import org.verl4j.model.DecoderWeights;
import org.verl4j.model.ModelConfig;
import org.verl4j.tasks.CharTokenizer;
import org.verl4j.trainstep.Objective;
import org.verl4j.trainstep.TrainStep;
import org.verl4j.trainstep.TrainStepGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Supervised fine-tuning of a decoder on worked solutions, through the SFT train-step graph
 * ({@link TrainStepGraph} with {@link Objective.Sft}, forward {@link DecoderForward}), float32:
 * <pre>
 * for step = 1 … steps:
 *     batch = next batchSize examples of the seeded epoch order           ({@link EpochOrder})
 *     L(θ)  = aggregate over response tokens of −log π_θ(y_t | prompt, y_&lt;t)   ({@link SftBatch} layout)
 *     θ     ← AdamW(θ, clip(∇θ L))                                        ({@link TrainStep})
 * </pre>
 * Bit-for-bit deterministic for fixed inputs and seed with one ONNX Runtime intra-op thread on one machine; with
 * two threads the float32 kernels measured here (d 128) rounded differently from run to run, so weights agree only
 * to the rounding (losses to ~4 digits over 12 steps) and drift apart over a long run.
 */
public final class SupervisedFineTuning {

    /**
     * Called after every step (1-based) with the loss before the update, ‖∇θ L‖₂ before clipping, and the weights
     * after the update (copied out of ONNX Runtime only when {@code weights.get()} is called).
     */
    @FunctionalInterface
    public interface Progress {
        void step(int step, double loss, double gradNorm, Supplier<DecoderWeights> weights);
    }

    /**
     * @param weights the trained decoder
     * @param losses  L of each step's batch, before that step's update (length = steps)
     */
    public record Result(DecoderWeights weights, double[] losses) {
    }

    private SupervisedFineTuning() {
    }

    /** Trains {@code initial} on {@code examples} under {@code config}. */
    public static Result run(DecoderWeights initial, List<SftExample> examples, SftConfig config,
                             OrtRunner.Options options, Progress progress) {
        ModelConfig model = initial.config();
        requireFits(model, examples);
        DecoderForward forward = new DecoderForward(model);
        float[] flat = initial.flatten();
        double[] theta0 = new double[flat.length];
        for (int i = 0; i < flat.length; i++) theta0[i] = flat[i];
        EpochOrder order = new EpochOrder(examples.size(), config.seed());
        double[] losses = new double[config.steps()];
        try (TrainStep step = new TrainStep(ElementType.FLOAT, forward.layout(), forward,
                new org.verl4j.trainstep.StepConfig(new Objective.Sft(config.aggregation()), config.optimizer(), 1),
                theta0, options)) {
            for (int s = 0; s < config.steps(); s++) {
                List<SftExample> batch = new ArrayList<>();
                for (int i : order.nextBatch(config.batchSize())) batch.add(examples.get(i));
                Map<String, HostTensor> feed = SftBatch.feed(batch, CharTokenizer.PAD);
                TrainStep.Result r = step.step(List.of(feed));
                if (r.skipped())
                    throw new IllegalStateException("SFT step " + (s + 1) + ": gradient norm " + r.gradNorm()
                            + " is not finite (loss " + r.microBatches().get(0).loss() + ")");
                losses[s] = r.microBatches().get(0).loss();
                progress.step(s + 1, losses[s], r.gradNorm(), () -> DecoderWeights.unflatten(model, step.theta()));
            }
            return new Result(DecoderWeights.unflatten(model, step.theta()), losses);
        }
    }

    /** Every token id must be in the vocabulary and every sequence within the model's positions. */
    static void requireFits(ModelConfig model, List<SftExample> examples) {
        if (examples.isEmpty()) throw new IllegalArgumentException("SFT needs at least one example");
        for (SftExample e : examples) {
            if (e.length() > model.maxPositionEmbeddings())
                throw new IllegalArgumentException(e.id() + ": " + e.length() + " tokens, the model has "
                        + model.maxPositionEmbeddings() + " positions");
            for (int[] ids : new int[][]{e.prompt(), e.response()})
                for (int id : ids)
                    if (id < 0 || id >= model.vocabSize())
                        throw new IllegalArgumentException(e.id() + ": token id " + id + " outside the model's vocabulary of "
                                + model.vocabSize());
        }
    }
}
