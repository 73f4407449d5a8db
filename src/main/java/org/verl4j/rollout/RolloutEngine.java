package org.verl4j.rollout;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.OrtRunner;
import org.verl4j.model.DecoderWeights;
import org.verl4j.model.GenerationGraph;
import org.verl4j.model.ModelConfig;
import org.verl4j.rank.ResponseRank;
import org.verl4j.rank.HiddenStates;
import org.verl4j.rank.RankDynamics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Samples responses from a decoder with a KV cache, the weights held in ONNX Runtime memory as graph inputs
 * ({@link #setPolicy} swaps them with no graph rebuild; the graph carries no weights, so size has no 2 GB limit).
 * One {@link #generate} call:
 * <pre>
 *   prefill every prompt once (left-padded batch)             → logits, z at its last position
 *   each response (prompt, i &lt; n): draw y_1 from its own stream (seed, prompt id, i)
 *   fan the KV cache out: row of prompt p repeated n times
 *   until every response ended: decode one token per live row, draw, append (token, log π, log q, H, z)
 *     a response ends at an EOS id or a stop string (STOP), or at max new tokens / the context (LENGTH);
 *     ended rows leave the batch (KV cache compacted) and their ER/ERV/ERA run on the metric threads
 * </pre>
 * Results are prompt-major, sample-minor, and their tokens depend only on (weights, prompts, sampling) — not on
 * thread counts or on which other prompts share the batch. The float values (log-probs, entropies, hidden states,
 * hence ER/ERV/ERA) are computed in a batch whose padded length depends on its longest prompt: a slice of a larger
 * call generated at the whole call's width ({@link #generate(List, SamplingConfig, int)}) gives the whole call's
 * bits, since compaction never leaves one row decoding alone ({@code Decoding}); other batch compositions agree to
 * float32 round-off, and a token changes only if its draw falls within that round-off of a sampling boundary.
 */
public final class RolloutEngine implements RolloutSource {

    private final ModelConfig config;
    private final Tokenizer tokenizer;
    private final EngineOptions options;
    private final OrtRunner generation, rowSelect;
    private final PolicyWeights weights;
    private final ExecutorService metricPool;
    private final RolloutTimings timings = new RolloutTimings();

    /** An engine over {@code weights} (copied into ONNX Runtime memory) with {@code tokenizer} for stop strings. */
    public RolloutEngine(DecoderWeights weights, Tokenizer tokenizer, EngineOptions options) {
        this.config = weights.config();
        this.tokenizer = tokenizer;
        this.options = options;
        // no memory pattern: ORT caches one per distinct input shape, and every decode step is a new [B, T] (the
        // cache would grow for the whole run and each first-seen shape pays the planning)
        options.capture().check(config);
        this.generation = new OrtRunner(GenerationGraph.generationOverInputs(config, ElementType.FLOAT, options.capture().layers()),
                options.ort().withoutMemoryPattern());
        this.rowSelect = new OrtRunner(GenerationGraph.rowSelect(config, ElementType.FLOAT), options.ort());
        this.weights = new PolicyWeights(config, options.ort());
        this.weights.set(PolicyWeights.FlatTheta.of(weights.tensors()));
        this.metricPool = Executors.newFixedThreadPool(options.metricThreads(), r -> {
            Thread t = new Thread(r, "verl4j-rollout-metrics");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens a Hugging Face model directory (config.json, safetensors, tokenizer files). */
    public static RolloutEngine open(Path modelDir, EngineOptions options) {
        DecoderWeights w;
        try {
            w = DecoderWeights.load(modelDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the model in " + modelDir + ": " + e.getMessage(), e);
        }
        return new RolloutEngine(w, Tokenizer.forModel(modelDir), options);
    }

    public ModelConfig config() {
        return config;
    }

    @Override
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** {@link RolloutTimings#metricWaitSeconds()} of the last {@link #generate}. */
    @Override
    public double metricWaitSeconds() {
        return timings.metricWaitSeconds();
    }

    /** Where the last {@link #generate} spent its time. */
    public RolloutTimings timings() {
        return timings;
    }

    /** New policy weights: flat θ in {@code DecoderForward.layout(config)} order (the train step's θ). */
    public void setPolicy(float[] theta) {
        weights.set(PolicyWeights.FlatTheta.of(theta));
    }

    /** {@link #setPolicy(float[])} from a float64 θ ({@code TrainStep.theta()}), each value rounded to float. */
    @Override
    public void setPolicy(double[] theta) {
        weights.set(PolicyWeights.FlatTheta.of(theta));
    }

    /** {@link #generate(List, SamplingConfig)}, telling {@code progress} after every step. */
    public List<Rollout> generate(List<Prompt> prompts, SamplingConfig sampling, Progress progress) {
        return generate(prompts, sampling, progress, 0);
    }

    @Override
    public List<Rollout> generate(List<Prompt> prompts, SamplingConfig sampling, int width) {
        if (width < 0 || width >= config.maxPositionEmbeddings())
            throw new IllegalArgumentException("prompt width " + width + " outside [0, " + config.maxPositionEmbeddings() + ")");
        return generate(prompts, sampling, Progress.NONE, width);
    }

    private List<Rollout> generate(List<Prompt> prompts, SamplingConfig sampling, Progress progress, int width) {
        if (prompts.isEmpty()) return List.of();
        checkContext(prompts);
        long start = System.nanoTime();
        List<Future<Rollout>> results = new ArrayList<>(java.util.Collections.nCopies(prompts.size() * sampling.n(), null));
        try (KvBatch batch = new KvBatch(generation, rowSelect, config, weights, options.capture())) {
            new Decoding(this, batch, prompts, sampling, results, progress, width).run();
            timings.ortNanos = batch.ortNanos;
            timings.rowSteps = batch.rowSteps;
        }
        List<Rollout> out = new ArrayList<>(results.size());
        long waitStart = System.nanoTime();
        for (Future<Rollout> f : results) out.add(join(f));
        timings.metricWaitNanos = System.nanoTime() - waitStart;
        timings.totalNanos = System.nanoTime() - start;
        long tokens = 0;
        for (Rollout r : out) tokens += r.length();
        timings.tokens = tokens;
        return out;
    }

    /** Refuses, naming it, the first prompt that leaves no room in the model's context for a response. */
    public void checkContext(List<Prompt> prompts) {
        for (Prompt p : prompts)
            if (p.length() >= config.maxPositionEmbeddings())
                throw new IllegalArgumentException("prompt " + p.id() + " has " + p.length() + " tokens; the model's "
                        + "context is " + config.maxPositionEmbeddings());
    }

    /** Ends {@code r}: its metrics and the finished {@link Rollout} are computed on a metric thread. */
    Future<Rollout> finish(ResponseBuffer r) {
        return metricPool.submit(() -> {
            RankDynamics metrics = ResponseRank.measure(HiddenStates.ofFloats(r.length(), config.hiddenSize(),
                    r.hiddenFlat()), options.rank());
            return r.toRollout(metrics, options.retention());
        });
    }

    EngineOptions options() {
        return options;
    }

    private static Rollout join(Future<Rollout> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for rollout metrics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("computing a response's metrics failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        metricPool.shutdownNow();
        try {
            weights.close();
        } finally {
            try {
                rowSelect.close();
            } finally {
                generation.close();
            }
        }
    }
}
