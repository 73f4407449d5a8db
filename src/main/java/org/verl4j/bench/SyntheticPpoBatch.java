package org.verl4j.bench;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.model.DecoderForward;
import org.verl4j.model.GenerationGraph;
import org.verl4j.trainstep.TrainStepGraph;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic PPO micro-batch for benchmarks: B rows of P prompt + R response tokens drawn uniformly from the
 * vocabulary, no padding (mask all 1, positions 0 … P+R−1), every response token valid, and
 * <pre>
 *   old_log_prob, ref_log_prob ~ −log V + N(0, 0.1²)     (ratios on both sides of the clip)
 *   advantage                  ~ N(0, 1)
 * </pre>
 * The numbers do not matter to the timing, only the shapes; the seed makes runs comparable.
 */
public final class SyntheticPpoBatch {

    private SyntheticPpoBatch() {
    }

    /** The feed of {@code DecoderForward} + the policy objective (hyperparameters are not included). */
    public static Map<String, HostTensor> feed(int batch, int prompt, int response, int vocab, long seed) {
        Random random = new Random(seed);
        int s = prompt + response;
        long[] prompts = new long[batch * prompt], responses = new long[batch * response];
        long[] mask = new long[batch * s], positions = new long[batch * s];
        for (int i = 0; i < prompts.length; i++) prompts[i] = random.nextInt(vocab);
        for (int i = 0; i < responses.length; i++) responses[i] = random.nextInt(vocab);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = 1;
            positions[i] = i % s;
        }
        boolean[] responseMask = new boolean[batch * response];
        java.util.Arrays.fill(responseMask, true);
        double[] old = new double[batch * response], ref = new double[batch * response], adv = new double[batch * response];
        double uniform = -Math.log(vocab);
        for (int i = 0; i < old.length; i++) {
            old[i] = uniform + 0.1 * random.nextGaussian();
            ref[i] = uniform + 0.1 * random.nextGaussian();
            adv[i] = random.nextGaussian();
        }
        long[] tokens = {batch, response};
        Map<String, HostTensor> f = new HashMap<>();
        f.put(DecoderForward.PROMPTS, HostTensor.ofLongs(new long[]{batch, prompt}, prompts));
        f.put(TrainStepGraph.RESPONSES, HostTensor.ofLongs(tokens, responses));
        f.put(GenerationGraph.MASK, HostTensor.ofLongs(new long[]{batch, s}, mask));
        f.put(GenerationGraph.POSITIONS, HostTensor.ofLongs(new long[]{batch, s}, positions));
        f.put(TrainStepGraph.MASK, HostTensor.ofBooleans(tokens, responseMask));
        f.put(TrainStepGraph.OLD_LOG_PROBS, HostTensor.ofFloating(ElementType.FLOAT, tokens, old));
        f.put(TrainStepGraph.REF_LOG_PROBS, HostTensor.ofFloating(ElementType.FLOAT, tokens, ref));
        f.put(TrainStepGraph.ADVANTAGES, HostTensor.ofFloating(ElementType.FLOAT, tokens, adv));
        return f;
    }
}
