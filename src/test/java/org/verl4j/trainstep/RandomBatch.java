package org.verl4j.trainstep;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A random policy micro-batch for tests: logits z[B][T][V], sampled tokens, a left-aligned response mask with every
 * row non-empty, and old/ref log-probs near the current ones (so ratios straddle the clip range). Masked positions
 * of old/ref/advantages hold NaN: the losses must never read them.
 */
record RandomBatch(int b, int t, int v, double[] z, long[] tokens, boolean[] mask, double[] old, double[] ref,
                   double[] adv) {

    static RandomBatch of(Random rnd, int b, int t, int v) {
        double[] z = new double[b * t * v];
        for (int i = 0; i < z.length; i++) z[i] = 2 * rnd.nextGaussian();
        long[] tokens = new long[b * t];
        boolean[] mask = new boolean[b * t];
        double[] old = new double[b * t], ref = new double[b * t], adv = new double[b * t];
        for (int i = 0; i < b; i++) {
            int len = 1 + rnd.nextInt(t);
            for (int s = 0; s < t; s++) {
                int k = i * t + s;
                tokens[k] = rnd.nextInt(v);
                mask[k] = s < len;
            }
        }
        double[][] logp = JavaLogProbs.of(z, tokens, b, t, v);
        for (int i = 0; i < b; i++)
            for (int s = 0; s < t; s++) {
                int k = i * t + s;
                old[k] = mask[k] ? logp[i][s] + 0.4 * rnd.nextGaussian() : Double.NaN;
                ref[k] = mask[k] ? logp[i][s] + 0.4 * rnd.nextGaussian() : Double.NaN;
                adv[k] = mask[k] ? rnd.nextGaussian() : Double.NaN;
            }
        return new RandomBatch(b, t, v, z, tokens, mask, old, ref, adv);
    }

    /** The batch tensors as graph inputs of the given floating type. */
    Map<String, HostTensor> feed(ElementType type) {
        long[] bt = {b, t};
        Map<String, HostTensor> f = new HashMap<>();
        f.put(TrainStepGraph.RESPONSES, HostTensor.ofLongs(bt, tokens.clone()));
        f.put(TrainStepGraph.MASK, HostTensor.ofBooleans(bt, mask.clone()));
        f.put(TrainStepGraph.OLD_LOG_PROBS, HostTensor.ofFloating(type, bt, old));
        f.put(TrainStepGraph.REF_LOG_PROBS, HostTensor.ofFloating(type, bt, ref));
        f.put(TrainStepGraph.ADVANTAGES, HostTensor.ofFloating(type, bt, adv));
        return f;
    }

    double[][] rows(double[] x) {
        double[][] out = new double[b][t];
        for (int i = 0; i < b; i++) System.arraycopy(x, i * t, out[i], 0, t);
        return out;
    }

    boolean[][] maskRows() {
        boolean[][] out = new boolean[b][t];
        for (int i = 0; i < b; i++) System.arraycopy(mask, i * t, out[i], 0, t);
        return out;
    }
}
