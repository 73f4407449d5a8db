package org.verl4j.trainer;

import org.verl4j.graph.HostTensor;
import org.verl4j.trainstep.TrainStep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The optimizer steps of one training step (ALGORITHM.md §8; verl's update loop), the same for the actor and the critic:
 * <pre>
 * for epoch e in 1 … E:                                  E = optim.ppo_epochs
 *     perm = shuffle(0 … B−1, Random(stepSeed + e − 1))
 *     for each mini-batch of M = B / optim.mini_batches responses of perm:
 *         one optimizer step (TrainStep) over its K = M / micro_batch_size micro-batches, each weighted 1/K
 * </pre>
 */
final class UpdateLoop {

    /** Looks at each optimizer step as it ends (epoch and mini-batch 1-based), e.g. to stop a diverged run. */
    interface Check {
        void accept(TrainStep.Result result, int epoch, int miniBatch);
    }

    private UpdateLoop() {
    }

    /** Runs every optimizer step of the loop on {@code step}; {@code feed} maps response rows to a micro-batch. */
    static List<TrainStep.Result> run(TrainStep step, int responses, TrainerConfig config, long stepSeed,
                                      Function<int[], Map<String, HostTensor>> feed, Check check) {
        int m = config.miniBatchSize(), micro = config.optim().microBatchSize();
        List<TrainStep.Result> results = new ArrayList<>();
        for (int e = 0; e < config.optim().ppoEpochs(); e++) {
            int[] perm = permutation(responses, new Random(stepSeed + e));
            for (int start = 0; start < responses; start += m) {
                List<Map<String, HostTensor>> feeds = new ArrayList<>();
                for (int k = start; k < start + m; k += micro) feeds.add(feed.apply(Arrays.copyOfRange(perm, k, k + micro)));
                TrainStep.Result r = step.step(feeds);
                check.accept(r, e + 1, start / m + 1);
                results.add(r);
            }
        }
        return results;
    }

    /** Σ value(x) / n in list order: the update's means over its micro-batches or its optimizer steps. */
    static <T> double mean(List<T> xs, ToDoubleFunction<T> value) {
        double s = 0;
        for (T x : xs) s += value.applyAsDouble(x);
        return s / xs.size();
    }

    /** A Fisher–Yates permutation of 0 … n−1 drawn from {@code rng}. */
    private static int[] permutation(int n, Random rng) {
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
