package org.verl4j.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.verl4j.model.DecoderWeights;
import org.verl4j.rollout.EngineOptions;
import org.verl4j.rollout.Prompt;
import org.verl4j.rollout.Rollout;
import org.verl4j.rollout.RolloutSource;
import org.verl4j.rollout.SamplingConfig;
import org.verl4j.rollout.Tokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The trainer's rollout phase on a Spark cluster (issue 12): a {@link RolloutSource} whose {@link #generate} cuts the
 * prompts into contiguous slices, one task each, generated on each executor JVM's engine ({@link ExecutorEngines})
 * under the policy of the last {@link #setPolicy}, the rollouts (with ER/ERV/ERA and what the engine keeps of the
 * hidden states — for the trainer only each response's mean row z_i, d doubles, not its T×d states) collected to
 * the driver in prompt order. The learner stays on the driver.
 * <pre>
 * setPolicy(θ):  θ_f = float(θ) broadcast (each executor fetches it once)          the old broadcast destroyed
 * generate:      prompts → P contiguous slices → executors: engine takes θ_f if its tag differs, generate(slice)
 *                → rollouts to the driver, slice order = prompt order                 nothing shuffled
 * </pre>
 * The results are the local engine's for the same (θ, prompts, sampling): each response's random stream depends
 * only on (seed, prompt id, sample) and θ is rounded to float as {@code RolloutEngine.setPolicy(double[])} rounds
 * it; each slice is padded to the whole step's prompt width and never decodes a lone row
 * ({@code RolloutSource.generate(prompts, sampling, width)}), so with one ONNX Runtime thread every value is the
 * bits the local engine gives for the whole step, for any number of slices ({@code TrainJobTest}); with more
 * threads ONNX Runtime's row split follows the batch size and the floats agree to round-off (tokens equal unless a
 * draw sits on a boundary). The policy starts as the model directory's weights (broadcast on opening). The model directory must be readable at the same path by the driver (tokenizer, θ₀)
 * and every executor (a shared file system; in local mode, trivially).
 */
final class SparkRollouts implements RolloutSource {

    private final JavaSparkContext jsc;
    private final EngineSpec spec;
    private final Tokenizer tokenizer;
    private final int partitions;
    private final String source = UUID.randomUUID().toString();
    private final Broadcast<HadoopConf> hadoop;
    private Broadcast<float[]> policy;
    private int version;

    private SparkRollouts(JavaSparkContext jsc, EngineSpec spec, Tokenizer tokenizer, int partitions, float[] theta0) {
        this.jsc = jsc;
        this.spec = spec;
        this.tokenizer = tokenizer;
        this.partitions = partitions;
        this.hadoop = jsc.broadcast(HadoopConf.of(jsc.hadoopConfiguration()));
        this.policy = jsc.broadcast(theta0);
    }

    /** Opens sources over {@code spark}, {@code partitions} slices per generate (0: Spark's default parallelism). */
    static RolloutSource.Factory factory(SparkSession spark, int partitions) {
        if (partitions < 0) throw new IllegalArgumentException("--partitions must be ≥ 0 (0 = Spark's default parallelism), got " + partitions);
        return (modelDir, options) -> open(JavaSparkContext.fromSparkContext(spark.sparkContext()), modelDir, options, partitions);
    }

    private static SparkRollouts open(JavaSparkContext jsc, Path modelDir, EngineOptions options, int partitions) {
        float[] theta0;
        try {
            theta0 = DecoderWeights.load(modelDir).flatten();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the model in " + modelDir + ": " + e.getMessage(), e);
        }
        String model = new org.apache.hadoop.fs.Path(modelDir.toAbsolutePath().toUri()).toString();
        return new SparkRollouts(jsc, new EngineSpec(model, options), Tokenizer.forModel(modelDir), partitions, theta0);
    }

    @Override
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public List<Rollout> generate(List<Prompt> prompts, SamplingConfig sampling, int minWidth) {
        if (prompts.isEmpty()) return List.of();
        List<Slice<Prompt>> slices = Slice.of(prompts, partitions > 0 ? partitions : jsc.defaultParallelism());
        EngineSpec engine = spec;
        RolloutTask.PolicyTag tag = new RolloutTask.PolicyTag(source, version);
        Broadcast<float[]> theta = policy;
        Broadcast<HadoopConf> conf = hadoop;
        int width = Math.max(minWidth, Prompt.longest(prompts));
        List<SliceOutcome<RolloutWire>> outcomes = jsc.parallelize(slices, slices.size())
                .map(slice -> RolloutTask.run(slice, width, engine, tag, theta::value, sampling, conf.value().configuration()))
                .collect();
        List<Rollout> rollouts = new ArrayList<>(prompts.size() * sampling.n());
        for (RolloutWire w : SliceOutcome.concatenate(outcomes)) rollouts.add(w.rollout());
        return rollouts;
    }

    @Override
    public void setPolicy(double[] theta) {
        float[] rounded = new float[theta.length];
        for (int i = 0; i < theta.length; i++) rounded[i] = (float) theta[i];   // as RolloutEngine.setPolicy(double[])
        Broadcast<float[]> next = jsc.broadcast(rounded);
        policy.destroy();
        policy = next;
        version++;
    }

    /** 0: metrics are computed on the executors, inside the generation the driver waits on. */
    @Override
    public double metricWaitSeconds() {
        return 0;
    }

    @Override
    public void close() {
        policy.destroy();
        hadoop.destroy();
        tokenizer.close();
    }
}
