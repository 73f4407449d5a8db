package org.verl4j.trainer;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.trainstep.TrainStep;
import org.verl4j.trainstep.TrainStepGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The PPO update of one training step (spec §8; verl's actor update):
 * <pre>
 * for epoch e in 1 … E:                                  E = optim.ppo_epochs
 *     perm = shuffle(0 … B−1, Random(stepSeed + e))
 *     for each mini-batch of M = B / optim.mini_batches responses of perm:
 *         one optimizer step (TrainStep) over its K = M / micro_batch_size micro-batches, each weighted 1/K
 * </pre>
 * Old log-probs are the rollout's; the first micro-batch of the first optimizer step runs the same θ that sampled,
 * so its {@code ppo_kl} = mean(log π_old − log π_train) measures the rollout-vs-train log-prob gap. A non-finite
 * loss or gradient norm stops the run ({@link TrainingDiverged}).
 */
public final class PolicyUpdate {

    /**
     * Means over the step's micro-batches (losses, clip fractions, entropy, KL) and optimizer steps (grad norm); lr is
     * the learning rate of the step's last optimizer update (the schedule's lr(t)).
     */
    public record Stats(double loss, double pgLoss, double clipFraction, double clipFractionLower, double ppoKl,
                        double entropy, double kl, double gradNorm, double logProbGap, int optimizerSteps, double lr) {
    }

    private PolicyUpdate() {
    }

    public static Stats run(TrainStep actor, PpoBatch batch, TrainerConfig config, long stepSeed, int step) {
        int b = batch.size(), m = config.miniBatchSize(), micro = config.optim().microBatchSize();
        double[] sums = new double[7];
        int microBatches = 0, updates = 0;
        double gradNorms = 0, gap = Double.NaN, lr = config.optim().adamW().lr();
        for (int e = 0; e < config.optim().ppoEpochs(); e++) {
            int[] perm = permutation(b, new Random(stepSeed + e));
            for (int start = 0; start < b; start += m) {
                List<Map<String, HostTensor>> feeds = new ArrayList<>();
                for (int k = start; k < start + m; k += micro)
                    feeds.add(batch.feed(java.util.Arrays.copyOfRange(perm, k, k + micro), ElementType.FLOAT));
                TrainStep.Result r = actor.step(feeds);
                for (int k = 0; k < r.microBatches().size(); k++) {
                    Map<String, Double> d = r.microBatches().get(k);
                    double loss = d.get(TrainStepGraph.LOSS);
                    if (!Double.isFinite(loss))
                        throw new TrainingDiverged("step " + step + ": the loss is " + loss + " (epoch " + (e + 1)
                                + ", mini-batch " + (start / m + 1) + ", micro-batch " + (k + 1) + ")");
                    if (Double.isNaN(gap)) gap = d.get(TrainStepGraph.PPO_KL);
                    sums[0] += loss;
                    sums[1] += d.get(TrainStepGraph.PG_LOSS);
                    sums[2] += d.get(TrainStepGraph.PG_CLIPFRAC);
                    sums[3] += d.getOrDefault(TrainStepGraph.PG_CLIPFRAC_LOWER, 0.0);
                    sums[4] += d.get(TrainStepGraph.PPO_KL);
                    sums[5] += d.get(TrainStepGraph.ENTROPY);
                    sums[6] += d.get(TrainStepGraph.KL);
                    microBatches++;
                }
                if (r.skipped())
                    throw new TrainingDiverged("step " + step + ": the gradient norm is " + r.gradNorm() + " (epoch "
                            + (e + 1) + ", mini-batch " + (start / m + 1) + ")");
                gradNorms += r.gradNorm();
                lr = r.lr();
                updates++;
            }
        }
        return new Stats(sums[0] / microBatches, sums[1] / microBatches, sums[2] / microBatches, sums[3] / microBatches,
                sums[4] / microBatches, sums[5] / microBatches, sums[6] / microBatches, gradNorms / updates, gap, updates, lr);
    }

    /** A Fisher–Yates permutation of 0 … n−1 drawn from {@code rng}. */
    static int[] permutation(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
