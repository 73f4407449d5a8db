package org.verl4j.trainer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.graph.OrtRunner;
import org.verl4j.model.DecoderWeights;
import org.verl4j.rollout.EngineOptions;
import org.verl4j.rollout.Prompt;
import org.verl4j.rollout.Rollout;
import org.verl4j.rollout.RolloutEngine;
import org.verl4j.rollout.SamplingConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The reference log-probs of θ₀ equal the log-probs the rollout engine recorded while sampling with θ₀. */
class ReferencePolicyTest {

    @TempDir
    Path tmp;

    @Test
    void referenceLogProbsOfTheInitialPolicyEqualTheRolloutLogProbs() throws IOException {
        Path model = TinyRuns.model(tmp.resolve("model"));
        DecoderWeights w = DecoderWeights.load(model);
        float[] flat = w.flatten();
        double[] theta = new double[flat.length];
        for (int i = 0; i < flat.length; i++) theta[i] = flat[i];
        try (RolloutEngine engine = RolloutEngine.open(model, EngineOptions.cpu(1));
             ReferencePolicy ref = new ReferencePolicy(w.config(), theta, OrtRunner.Options.cpu(1))) {
            List<Prompt> prompts = List.of(new Prompt("a", engine.tokenizer().encode("3,4:9,1")),
                    new Prompt("b", engine.tokenizer().encode("12,7:3")));            // different prompt lengths
            List<Rollout> rollouts = engine.generate(prompts, new SamplingConfig(3, 1.0, 1.0, 0, 0.0, 7, 5L));
            int[][] p = new int[6][], r = new int[6][];
            for (int i = 0; i < 6; i++) {
                p[i] = prompts.get(i / 3).tokenIds();
                r[i] = rollouts.get(i).tokenIds();
            }
            double[][] logp = ref.logProbs(new Sequences(p, r, engine.tokenizer().padId()), 4);   // chunks of 4, 2 rows
            for (int i = 0; i < 6; i++) {
                float[] expected = rollouts.get(i).logProbs();
                assertThat(logp[i]).hasSize(expected.length);
                // float32 graphs over different batch shapes (KV-cached decode vs one full forward): 1e-4
                for (int t = 0; t < expected.length; t++)
                    assertThat(logp[i][t]).as("response " + i + " token " + t).isCloseTo(expected[t], within(1e-4));
            }
        }
    }
}
