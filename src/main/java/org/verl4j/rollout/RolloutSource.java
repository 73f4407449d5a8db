package org.verl4j.rollout;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a learner's rollouts come from: {@link RolloutEngine} in this JVM, or an engine per executor of a cluster
 * (the Spark rollout source). Every implementation gives the engine's results for the same (policy, prompts,
 * sampling): n responses per prompt, prompt-major, sample-minor, each drawn from its own stream (seed, prompt id,
 * sample) ({@link ResponseSeeds}), and a slice of a call padded to the whole call's prompt width gives the whole
 * call's bits ({@link #generate(List, SamplingConfig, int)}), so where a response was generated changes nothing.
 */
public interface RolloutSource extends AutoCloseable {

    /** Opens a source over a model directory: {@link RolloutEngine#open} in this JVM, or one spread over a cluster. */
    @FunctionalInterface
    interface Factory {
        RolloutSource open(Path modelDir, EngineOptions options);
    }

    /** The model's tokenizer (prompts are encoded, responses decoded, with it on the learner's side). */
    Tokenizer tokenizer();

    /** n responses per prompt under the current policy, prompt-major, sample-minor. */
    default List<Rollout> generate(List<Prompt> prompts, SamplingConfig sampling) {
        return generate(prompts, sampling, 0);
    }

    /**
     * {@link #generate(List, SamplingConfig)} with the prompts left-padded to at least {@code width} tokens. For one
     * slice of a larger call pass the whole call's {@link Prompt#longest}: the slice then decodes with the whole
     * call's KV length and response limit and gives the bits the whole call gives. 0: the prompts' own longest.
     */
    List<Rollout> generate(List<Prompt> prompts, SamplingConfig sampling, int width);

    /** New policy weights θ (flat, {@code DecoderForward.layout(config)} order), each value rounded to float. */
    void setPolicy(double[] theta);

    /**
     * Seconds the last {@link #generate} spent, after its last token, waiting on this thread for responses' metrics
     * (the rest of its time is generation); 0 where metrics are computed inside the generation the caller waits on.
     */
    double metricWaitSeconds();

    @Override
    void close();
}
