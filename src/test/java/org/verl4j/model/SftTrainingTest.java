package org.verl4j.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verl4j.graph.OrtRunner;
import org.verl4j.rl.LossAggregation;
import org.verl4j.sft.CharModelDirectory;
import org.verl4j.sft.LlamaShape;
import org.verl4j.sft.SftConfig;
import org.verl4j.sft.SftData;
import org.verl4j.sft.SftExample;
import org.verl4j.sft.SftLoss;
import org.verl4j.sft.SupervisedFineTuning;
import org.verl4j.tasks.ArithmeticTask;
import org.verl4j.tasks.CharTokenizer;
import org.verl4j.tasks.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code sft.SupervisedFineTuning} end to end on a tiny Llama (d 16, one layer) and level-1 arithmetic: the loss
 * falls, runs are deterministic, and the written directory reloads to the same weights and the same loss — the
 * loss itself checked against the plain-Java {@link ReferenceDecoder} (in this package, hence the test's home).
 */
class SftTrainingTest {

    private static final OrtRunner.Options ONE_THREAD = OrtRunner.Options.cpu(1);
    private final CharTokenizer tokenizer = CharTokenizer.of(ArithmeticTask.ALPHABET, 64);
    private final ModelConfig config = new LlamaShape(16, 1, 2, 24).config(tokenizer);
    private final List<SftExample> examples = examples(SftData.generated(ArithmeticTask.level(1), 16, 9, List.of()));
    private final SftConfig sft = SftConfig.DEFAULTS.withSteps(24).withBatchSize(8).withLearningRate(1e-2).withSeed(5);

    @TempDir
    Path dir;

    @Test
    void sftLowersTheLossAndIsDeterministic() {
        DecoderWeights initial = LlamaShape.initialise(config, 3);
        SupervisedFineTuning.Result a = SupervisedFineTuning.run(initial, examples, sft, ONE_THREAD, (s, l, g, w) -> { });
        SupervisedFineTuning.Result b = SupervisedFineTuning.run(initial, examples, sft, ONE_THREAD, (s, l, g, w) -> { });
        double[] loss = a.losses();
        assertThat(loss).hasSize(24);
        assertThat(loss[0]).isCloseTo(Math.log(tokenizer.vocabSize()), within(0.1));   // σ 0.02: near-uniform logits
        assertThat(mean(loss, 20, 24)).isLessThan(0.6 * loss[0]);
        assertThat(SftLoss.of(a.weights(), examples, LossAggregation.TOKEN_MEAN, 8, ONE_THREAD))
                .isLessThan(SftLoss.of(initial, examples, LossAggregation.TOKEN_MEAN, 8, ONE_THREAD));
        assertThat(b.weights().flatten()).isEqualTo(a.weights().flatten());
        assertThat(b.losses()).isEqualTo(loss);
    }

    @Test
    void theWrittenDirectoryReloadsToTheSameWeightsTokenizerAndLoss() throws IOException {
        DecoderWeights trained = SupervisedFineTuning.run(LlamaShape.initialise(config, 3), examples,
                sft.withSteps(6), ONE_THREAD, (s, l, g, w) -> { }).weights();
        new CharModelDirectory(trained, tokenizer).write(dir);
        assertThat(dir.resolve("generation_config.json")).content().contains("\"eos_token_id\" : 1").contains("\"pad_token_id\" : 2");
        CharModelDirectory reloaded = CharModelDirectory.read(dir);
        assertThat(reloaded.weights().config()).isEqualTo(config);
        assertThat(reloaded.weights().flatten()).isEqualTo(trained.flatten());
        assertThat(reloaded.tokenizer().characters()).isEqualTo(ArithmeticTask.ALPHABET);
        assertThat(Files.readString(dir.resolve("config.json"))).contains("\"pad_token_id\" : 2");

        List<SftExample> batch = examples.subList(0, 4);
        double loss = SftLoss.of(reloaded.weights(), batch, LossAggregation.TOKEN_MEAN, 4, ONE_THREAD);
        // float32 graph vs float64 reference over ~100 tokens: agreement to ~1e-5 relative; 1e-4 absolute leaves room
        assertThat(loss).isCloseTo(referenceLoss(reloaded.weights(), batch), within(1e-4));
    }

    /** Token-mean cross entropy of the responses, teacher-forced through the reference decoder one example at a time. */
    private static double referenceLoss(DecoderWeights w, List<SftExample> batch) {
        double sum = 0;
        int tokens = 0;
        for (SftExample e : batch) {
            int p = e.prompt().length, s = e.length();
            int[] ids = new int[s], mask = new int[s];
            System.arraycopy(e.prompt(), 0, ids, 0, p);
            System.arraycopy(e.response(), 0, ids, p, e.response().length);
            java.util.Arrays.fill(mask, 1);
            int[][] m = {mask};
            double[][] logits = new ReferenceDecoder(w).forward(new int[][]{ids}, m, ReferenceDecoder.positionsFromMask(m)).logits()[0];
            for (int t = 0; t < e.response().length; t++) {
                double[] row = logits[p - 1 + t];                                  // position p−1+t predicts y_t
                double max = Double.NEGATIVE_INFINITY, z = 0;
                for (double x : row) max = Math.max(max, x);
                for (double x : row) z += Math.exp(x - max);
                sum += max + Math.log(z) - row[e.response()[t]];
                tokens++;
            }
        }
        return sum / tokens;
    }

    private List<SftExample> examples(List<Problem> problems) {
        List<SftExample> out = new ArrayList<>();
        for (Problem p : problems) out.add(SftExample.of(p, tokenizer));
        return out;
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i];
        return s / (to - from);
    }
}
