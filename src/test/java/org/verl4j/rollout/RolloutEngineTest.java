package org.verl4j.rollout;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.OnnxWriter;
import org.verl4j.graph.OrtRunner;
import org.verl4j.model.DecoderWeights;
import org.verl4j.model.GenerationGraph;
import org.verl4j.model.GenerationSession;
import org.verl4j.model.ModelConfig;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The engine against the existing {@link GenerationSession} (weights as initializers, one prompt at a time, no
 * fan-out or compaction): greedy tokens, hidden states (ALGORITHM.md §1 alignment) and log-probs agree.
 */
class RolloutEngineTest {

    private static final long SEED = 20261202L;

    @Test
    void greedyEqualsTheArgmaxOfTheGenerationSessionAndHiddenRowsAlign() {
        ModelConfig c = TinyModels.config();
        DecoderWeights w = TinyModels.weights(c, SEED);
        List<Prompt> prompts = List.of(TinyModels.prompt("a", "12,3:"), TinyModels.prompt("b", "7"),
                TinyModels.prompt("c", "4,44,4"));
        SamplingConfig greedy = SamplingConfig.DEFAULTS.withTemperature(0).withMaxNewTokens(12);
        List<Rollout> rollouts;
        try (RolloutEngine engine = new RolloutEngine(w, TinyModels.tokenizer(),
                EngineOptions.cpu(1).withRetention(EngineOptions.Retention.KEEP))) {
            rollouts = engine.generate(prompts, greedy);
        }
        assertThat(rollouts).extracting(Rollout::promptId).containsExactly("a", "b", "c");
        byte[] graph = OnnxWriter.write(GenerationGraph.generation(w, ElementType.FLOAT, Set.of()));
        for (int p = 0; p < prompts.size(); p++) {
            Rollout r = rollouts.get(p);
            int[] prompt = prompts.get(p).tokenIds();
            try (GenerationSession s = new GenerationSession(graph, c, OrtRunner.Options.cpu(1))) {
                int[] mask = new int[prompt.length];
                java.util.Arrays.fill(mask, 1);
                GenerationSession.Step step = s.prefill(new int[][]{prompt}, new int[][]{mask});
                for (int t = 0; t < r.length(); t++) {
                    float[] logits = step.logits()[0];
                    int argmax = 0;
                    for (int v = 1; v < logits.length; v++) if (logits[v] > logits[argmax]) argmax = v;
                    assertThat(r.tokenIds()[t]).as("prompt %s token %d", prompts.get(p).id(), t).isEqualTo(argmax);
                    for (int j = 0; j < c.hiddenSize(); j++)                     // row t of Z produced token t+1
                        assertThat(r.hiddenStates()[t][j]).isCloseTo(step.hidden()[0][j], within(1e-5f));
                    step = s.decode(new int[]{argmax});
                }
            }
            boolean endedOnEos = r.tokenIds()[r.length() - 1] == 1;
            assertThat(r.finishReason()).isEqualTo(endedOnEos ? FinishReason.STOP : FinishReason.LENGTH);
            if (!endedOnEos) assertThat(r.length()).isEqualTo(12);
            assertThat(r.samplingLogProbs()).containsOnly(0f);
            assertThat(r.metrics().tokens()).isEqualTo(r.length());
        }
    }

    @Test
    void meanRowKeepsOnlyTheMeanOfTheRowsKeepWouldKeep() {
        ModelConfig c = TinyModels.config();
        DecoderWeights w = TinyModels.weights(c, SEED);
        List<Prompt> prompts = List.of(TinyModels.prompt("a", "12,3:"), TinyModels.prompt("b", "7"));
        SamplingConfig sampling = SamplingConfig.DEFAULTS.withN(3).withTemperature(1).withMaxNewTokens(10).withSeed(SEED);
        java.util.Map<EngineOptions.Retention, List<Rollout>> by = new java.util.EnumMap<>(EngineOptions.Retention.class);
        for (EngineOptions.Retention keep : EngineOptions.Retention.values())
            try (RolloutEngine engine = new RolloutEngine(w, TinyModels.tokenizer(), EngineOptions.cpu(1).withRetention(keep))) {
                by.put(keep, engine.generate(prompts, sampling));
            }
        List<Rollout> full = by.get(EngineOptions.Retention.KEEP), mean = by.get(EngineOptions.Retention.MEAN_ROW),
                none = by.get(EngineOptions.Retention.DISCARD);
        for (int i = 0; i < full.size(); i++) {
            Rollout k = full.get(i);
            assertThat(mean.get(i).tokenIds()).as("seed %d response %d", SEED, i).isEqualTo(k.tokenIds());
            // oracle: the plain mean over Z's rows, summed in double in row order, as ALGORITHM.md §4 defines z_i
            double[] expected = new double[c.hiddenSize()];
            for (float[] row : k.hiddenStates()) for (int j = 0; j < expected.length; j++) expected[j] += row[j];
            for (int j = 0; j < expected.length; j++) expected[j] /= k.length();
            assertThat(mean.get(i).meanHiddenState()).as("seed %d response %d", SEED, i).containsExactly(expected);
            assertThat(k.meanHiddenState()).containsExactly(expected);
            assertThat(mean.get(i).hiddenStates()).isEmpty();
            assertThat(none.get(i).hiddenStates()).isEmpty();
            assertThat(none.get(i).meanHiddenState()).isEmpty();
        }
    }

    @Test
    void aCapturedBlockOutputEqualsTheUncachedForwardAtTheProducingPositions() {
        ModelConfig c = TinyModels.config();
        DecoderWeights w = TinyModels.weights(c, SEED);
        Prompt prompt = TinyModels.prompt("q", "3,14:");
        Rollout r;
        try (RolloutEngine engine = new RolloutEngine(w, TinyModels.tokenizer(), EngineOptions.cpu(1)
                .withRetention(EngineOptions.Retention.KEEP).withCapture(new Capture.Block(0)))) {
            r = engine.generate(List.of(prompt), new SamplingConfig(1, 1.0, 1, 0, 0, 10, 5L)).get(0);
        }
        int p = prompt.tokenIds().length, length = p + r.length();
        long[] ids = new long[length], pos = new long[length], mask = new long[length];
        for (int t = 0; t < length; t++) {
            ids[t] = t < p ? prompt.tokenIds()[t] : r.tokenIds()[t - p];
            pos[t] = t;
            mask[t] = 1;
        }
        java.util.Map<String, org.verl4j.graph.HostTensor> feed = new java.util.HashMap<>();
        long[] shape = {1, length}, empty = {1, c.numKvHeads(), 0, c.headDim()};
        feed.put(GenerationGraph.IDS, org.verl4j.graph.HostTensor.ofLongs(shape, ids));
        feed.put(GenerationGraph.POSITIONS, org.verl4j.graph.HostTensor.ofLongs(shape, pos));
        feed.put(GenerationGraph.MASK, org.verl4j.graph.HostTensor.ofLongs(shape, mask));
        for (int l = 0; l < c.numLayers(); l++) {
            feed.put(GenerationGraph.pastKey(l), org.verl4j.graph.HostTensor.ofFloats(empty, new float[0]));
            feed.put(GenerationGraph.pastValue(l), org.verl4j.graph.HostTensor.ofFloats(empty, new float[0]));
        }
        float[] x0;
        try (OrtRunner run = new OrtRunner(GenerationGraph.generation(w, ElementType.FLOAT, Set.of(0)), OrtRunner.Options.cpu(1))) {
            x0 = (float[]) run.run(feed).get(GenerationGraph.layerOutput(0)).data();      // [1, T, d], no cache
        }
        int d = c.hiddenSize();
        for (int t = 0; t < r.length(); t++)                                      // row t ↔ position p − 1 + t
            for (int j = 0; j < d; j++)
                assertThat(r.hiddenStates()[t][j]).isCloseTo(x0[(p - 1 + t) * d + j], within(1e-5f));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RolloutEngine(w, TinyModels.tokenizer(),
                EngineOptions.cpu(1).withCapture(new Capture.Block(c.numLayers())))).hasMessageContaining("cannot capture layer");
    }
}
