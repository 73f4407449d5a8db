package org.verl4j.rollout;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.model.Architecture;
import org.verl4j.model.DecoderWeights;
import org.verl4j.model.GenerationGraph;
import org.verl4j.model.ModelConfig;
import org.verl4j.model.Positions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sampled rollouts against independent paths: the log-prob graph (model.TokenLogProbs over [prompt, response],
 * weights as initializers, no cache) gives the same log-probs and entropies; the same responses come out whatever
 * the batch composition or compaction; {@link RolloutEngine#setPolicy} equals a fresh engine on those weights.
 */
class RolloutConsistencyTest {

    private static final long SEED = 7L;
    private static final SamplingConfig SAMPLING = new SamplingConfig(3, 1.0, 0.95, 0, 0.0, 20, 11L);

    private final ModelConfig config = TinyModels.config(Architecture.QWEN2, 2, 2, 2, 4, 256);
    private final DecoderWeights weights = TinyModels.weights(config, SEED);
    private final List<Prompt> prompts = List.of(TinyModels.prompt("p0", "1,2,3:"), TinyModels.prompt("p1", "9"),
            TinyModels.prompt("p2", "55:5,"), TinyModels.prompt("p3", "0,0"));

    private List<Rollout> run(DecoderWeights w, List<Prompt> ps, SamplingConfig s, EngineOptions.Compaction compaction) {
        try (RolloutEngine e = new RolloutEngine(w, TinyModels.tokenizer(), EngineOptions.cpu(1).withCompaction(compaction))) {
            return e.generate(ps, s);
        }
    }

    @Test
    void logProbsAndEntropiesEqualTheLogProbGraphs() {
        List<Rollout> rollouts = run(weights, prompts, SAMPLING, EngineOptions.Compaction.COMPACT);
        // tolerance 1e-4: the bound; both paths compute in float32 with different reduction orders
        double worst = 0;
        try (OrtRunner graph = new OrtRunner(GenerationGraph.logProbs(weights, ElementType.FLOAT), OrtRunner.Options.cpu(1))) {
            for (Rollout r : rollouts) {
                int[] prompt = prompts.stream().filter(p -> p.id().equals(r.promptId())).findFirst().orElseThrow().tokenIds();
                int length = prompt.length + r.length();
                long[] ids = new long[length], mask = new long[length], pos = new long[length];
                int[] m = new int[length];
                for (int t = 0; t < length; t++) {
                    ids[t] = t < prompt.length ? prompt[t] : r.tokenIds()[t - prompt.length];
                    m[t] = 1;
                    mask[t] = 1;
                }
                int[] p = Positions.fromMask(m);
                for (int t = 0; t < length; t++) pos[t] = p[t];
                long[] shape = {1, length};
                Map<String, HostTensor> out = graph.run(Map.of(GenerationGraph.IDS, HostTensor.ofLongs(shape, ids),
                        GenerationGraph.POSITIONS, HostTensor.ofLongs(shape, pos), GenerationGraph.MASK, HostTensor.ofLongs(shape, mask)));
                double[] logp = out.get(GenerationGraph.LOGP).doubles(), entropy = out.get(GenerationGraph.ENTROPY).doubles();
                for (int t = 0; t < r.length(); t++) {           // column prompt−1+t scores response token t
                    worst = Math.max(worst, Math.abs(r.logProbs()[t] - logp[prompt.length - 1 + t]));
                    worst = Math.max(worst, Math.abs(r.entropies()[t] - entropy[prompt.length - 1 + t]));
                }
            }
        }
        assertThat(worst).isLessThan(1e-4);
    }

    @Test
    void responsesDoNotDependOnBatchCompositionOrCompaction() {
        List<Rollout> together = run(weights, prompts, SAMPLING, EngineOptions.Compaction.COMPACT);
        List<Rollout> idle = run(weights, prompts, SAMPLING, EngineOptions.Compaction.KEEP_ROWS);
        List<Rollout> alone = new ArrayList<>();
        for (Prompt p : prompts) alone.addAll(run(weights, List.of(p), SAMPLING, EngineOptions.Compaction.COMPACT));
        assertThat(together).hasSize(prompts.size() * SAMPLING.n());
        for (int i = 0; i < together.size(); i++) {
            assertThat(together.get(i).tokenIds()).as("response %d, seed %d", i, SAMPLING.seed()).isEqualTo(alone.get(i).tokenIds());
            assertThat(together.get(i).tokenIds()).isEqualTo(idle.get(i).tokenIds());
            assertThat(together.get(i).finishReason()).isEqualTo(alone.get(i).finishReason());
        }
        long distinct = together.stream().map(r -> java.util.Arrays.toString(r.tokenIds())).distinct().count();
        assertThat(distinct).as("samples differ").isGreaterThan(prompts.size());
    }

    @Test
    void slicesPaddedToTheWholeCallsWidthGiveTheWholeCallsBits() {
        List<Rollout> whole;
        List<Rollout> sliced = new ArrayList<>();
        try (RolloutEngine engine = new RolloutEngine(weights, TinyModels.tokenizer(), EngineOptions.cpu(1)
                .withRetention(EngineOptions.Retention.MEAN_ROW))) {
            whole = engine.generate(prompts, SAMPLING);
            int width = Prompt.longest(prompts);
            for (int from = 0; from < prompts.size(); from += 2)                 // slices of two prompts, then one
                sliced.addAll(engine.generate(prompts.subList(from, Math.min(prompts.size(), from + 2)), SAMPLING, width));
        }
        assertSameBits(whole, sliced);
    }

    /** A call of one response (one prompt, n = 1) decodes beside an idle row, so it too gives the whole call's bits. */
    @Test
    void slicesOfOneResponseGiveTheWholeCallsBits() {
        SamplingConfig single = SAMPLING.withN(1);
        List<Rollout> whole;
        List<Rollout> sliced = new ArrayList<>();
        try (RolloutEngine engine = new RolloutEngine(weights, TinyModels.tokenizer(), EngineOptions.cpu(1)
                .withRetention(EngineOptions.Retention.MEAN_ROW))) {
            whole = engine.generate(prompts, single);
            for (Prompt p : prompts) sliced.addAll(engine.generate(List.of(p), single, Prompt.longest(prompts)));
        }
        assertSameBits(whole, sliced);
    }

    private static void assertSameBits(List<Rollout> whole, List<Rollout> sliced) {
        assertThat(sliced).hasSize(whole.size());
        for (int i = 0; i < whole.size(); i++) {
            Rollout a = whole.get(i), b = sliced.get(i);
            String as = "response " + i + ", seed " + SAMPLING.seed();
            assertThat(b.tokenIds()).as(as).isEqualTo(a.tokenIds());
            assertThat(b.logProbs()).as(as).isEqualTo(a.logProbs());
            assertThat(b.samplingLogProbs()).as(as).isEqualTo(a.samplingLogProbs());
            assertThat(b.entropies()).as(as).isEqualTo(a.entropies());
            assertThat(b.meanHiddenState()).as(as).isEqualTo(a.meanHiddenState());
            assertThat(b.metrics()).as(as).isEqualTo(a.metrics());
        }
    }

    @Test
    void responsesDoNotDependOnThreadCounts() {
        List<Rollout> one, many;
        try (RolloutEngine e = new RolloutEngine(weights, TinyModels.tokenizer(), EngineOptions.cpu(1))) {
            one = e.generate(prompts, SAMPLING);
        }
        try (RolloutEngine e = new RolloutEngine(weights, TinyModels.tokenizer(), EngineOptions.cpu(2).withMetricThreads(3))) {
            many = e.generate(prompts, SAMPLING);
        }
        for (int i = 0; i < one.size(); i++) {
            assertThat(many.get(i).tokenIds()).as("response %d, seed %d", i, SAMPLING.seed()).isEqualTo(one.get(i).tokenIds());
            assertThat(many.get(i).metrics().er()).isCloseTo(one.get(i).metrics().er(), org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void setPolicyEqualsAFreshEngineOnTheNewWeights() {
        DecoderWeights other = TinyModels.weights(config, SEED + 1);
        List<Rollout> fresh = run(other, prompts, SAMPLING, EngineOptions.Compaction.COMPACT);
        try (RolloutEngine e = new RolloutEngine(weights, TinyModels.tokenizer(), EngineOptions.cpu(1))) {
            List<Rollout> before = e.generate(prompts, SAMPLING);
            e.setPolicy(other.flatten());
            List<Rollout> after = e.generate(prompts, SAMPLING);
            boolean changed = false;
            for (int i = 0; i < after.size(); i++) {
                assertThat(after.get(i).tokenIds()).isEqualTo(fresh.get(i).tokenIds());
                assertThat(after.get(i).logProbs()).containsExactly(fresh.get(i).logProbs());
                changed |= !java.util.Arrays.equals(before.get(i).logProbs(), after.get(i).logProbs());
            }
            assertThat(changed).isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.setPolicy(new float[3])).hasMessageContaining("θ has 3 values");
        }
    }

    @Test
    void theGenerationGraphCarriesNoWeights() {
        // the >2 GB path: weights are inputs, so the serialized graph has no initializer of parameter size
        var g = GenerationGraph.generationOverInputs(config, ElementType.FLOAT, java.util.Set.of());
        int biggest = org.verl4j.graph.OnnxWriter.write(g).length;
        assertThat(biggest).isLessThan(200_000);
        assertThat(g.inputs()).extracting(v -> v.name()).contains(org.verl4j.model.WeightLayout.EMBED);
    }
}
