package org.verl4j.model;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.rl.ActorLoss;
import org.verl4j.trainstep.Objective;
import org.verl4j.trainstep.StepInputs;
import org.verl4j.trainstep.TrainStepGraph;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A random PPO micro-batch in verl's layout (left-padded prompts, right-padded responses) for a decoder, with the
 * reference decoder's log-probabilities and entropies of its responses (double, the oracle side).
 */
final class PpoMicroBatch {

    final int[][] prompts, responses, ids, mask, positions;
    final boolean[][] responseMask;
    final double[][] logProb, entropy, oldLogProb, refLogProb, advantages;

    PpoMicroBatch(DecoderWeights w, Random random, int[] promptPads, int promptLength, int[] responseLengths, int r) {
        this(w, random, promptPads, promptLength, responseLengths, r, true);
    }

    /** With {@code oracle} false the log-probs are not computed by the reference (it is slow; tests that need none). */
    PpoMicroBatch(DecoderWeights w, Random random, int[] promptPads, int promptLength, int[] responseLengths, int r,
                  boolean oracle) {
        int b = promptPads.length, v = w.config().vocabSize(), s = promptLength + r;
        prompts = RandomDecoders.tokens(random, b, promptLength, v);
        responses = RandomDecoders.tokens(random, b, r, v);
        mask = new int[b][s];
        responseMask = new boolean[b][r];
        ids = new int[b][s];
        for (int i = 0; i < b; i++) {
            for (int t = promptPads[i]; t < promptLength; t++) mask[i][t] = 1;
            for (int t = 0; t < responseLengths[i]; t++) {
                mask[i][promptLength + t] = 1;
                responseMask[i][t] = true;
            }
            System.arraycopy(prompts[i], 0, ids[i], 0, promptLength);
            System.arraycopy(responses[i], 0, ids[i], promptLength, r);
        }
        positions = ReferenceDecoder.positionsFromMask(mask);
        double[][][] logits = oracle ? new ReferenceDecoder(w).forward(ids, mask, positions).logits()
                : new double[b][s][v];
        logProb = new double[b][r];
        entropy = new double[b][r];
        oldLogProb = new double[b][r];
        refLogProb = new double[b][r];
        advantages = new double[b][r];
        for (int i = 0; i < b; i++)
            for (int t = 0; t < r; t++) {
                double[] row = logits[i][promptLength - 1 + t];
                double max = Double.NEGATIVE_INFINITY, z = 0, h = 0;
                for (double x : row) max = Math.max(max, x);
                for (double x : row) z += Math.exp(x - max);
                double logZ = max + Math.log(z);
                for (double x : row) h -= Math.exp(x - logZ) * (x - logZ);
                logProb[i][t] = row[responses[i][t]] - logZ;
                entropy[i][t] = h;
                oldLogProb[i][t] = logProb[i][t] + 0.15 * random.nextGaussian();    // ratios on both sides of the clip
                refLogProb[i][t] = logProb[i][t] + 0.1 * random.nextGaussian();
                advantages[i][t] = random.nextGaussian();
            }
    }

    /** Feeds of the micro-batch and the loss hyperparameters of {@code loss}. */
    Map<String, HostTensor> feed(ElementType type, ActorLoss loss) {
        Map<String, HostTensor> f = new HashMap<>();
        f.put(DecoderForward.PROMPTS, GraphRuns.longs(prompts));
        f.put(TrainStepGraph.RESPONSES, GraphRuns.longs(responses));
        f.put(GenerationGraph.MASK, GraphRuns.longs(mask));
        f.put(GenerationGraph.POSITIONS, GraphRuns.longs(positions));
        int b = responseMask.length, r = responseMask[0].length;
        boolean[] m = new boolean[b * r];
        for (int i = 0; i < b; i++) for (int t = 0; t < r; t++) m[i * r + t] = responseMask[i][t];
        long[] shape = {b, r};
        f.put(TrainStepGraph.MASK, HostTensor.ofBooleans(shape, m));
        f.put(TrainStepGraph.OLD_LOG_PROBS, HostTensor.ofFloating(type, shape, flat(oldLogProb)));
        f.put(TrainStepGraph.REF_LOG_PROBS, HostTensor.ofFloating(type, shape, flat(refLogProb)));
        f.put(TrainStepGraph.ADVANTAGES, HostTensor.ofFloating(type, shape, flat(advantages)));
        f.putAll(StepInputs.objective(new Objective.Policy(loss), type));
        return f;
    }

    private static double[] flat(double[][] x) {
        double[] out = new double[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) System.arraycopy(x[i], 0, out, i * x[0].length, x[0].length);
        return out;
    }
}
