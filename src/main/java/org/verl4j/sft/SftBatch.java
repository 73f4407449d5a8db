package org.verl4j.sft;

import org.verl4j.graph.HostTensor;
import org.verl4j.model.DecoderForward;
import org.verl4j.model.GenerationGraph;
import org.verl4j.trainstep.TrainStepGraph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs SFT examples into one micro-batch in verl's layout, the inputs of {@link DecoderForward} under the SFT
 * objective:
 * <pre>
 * prompts        [B, P]     left-padded with pad (P = longest prompt)
 * responses      [B, R]     right-padded with pad (R = longest response)
 * attention_mask [B, P+R]   1 on real tokens
 * position_ids   [B, P+R]   cumsum(mask) − 1 on real tokens, 1 on padding (Hugging Face's generate)
 * response_mask  [B, R]     true on real response tokens: L = aggregate over these of −log π(y_t)
 * </pre>
 * The positions match what {@code model.GenerationSession} feeds when it decodes the same sequence.
 */
public final class SftBatch {

    private SftBatch() {
    }

    /** The feed of {@code examples} (B ≥ 1); {@code pad} fills the padding (masked: its value does not matter). */
    public static Map<String, HostTensor> feed(List<SftExample> examples, int pad) {
        if (examples.isEmpty()) throw new IllegalArgumentException("a micro-batch needs at least one example");
        int b = examples.size(), p = 0, r = 0;
        for (SftExample e : examples) {
            p = Math.max(p, e.prompt().length);
            r = Math.max(r, e.response().length);
        }
        int s = p + r;
        long[] prompts = new long[b * p], responses = new long[b * r], mask = new long[b * s], positions = new long[b * s];
        boolean[] responseMask = new boolean[b * r];
        for (int i = 0; i < b; i++) {
            SftExample e = examples.get(i);
            int pad0 = p - e.prompt().length;                                     // left padding of row i
            for (int t = 0; t < p; t++) {
                prompts[i * p + t] = t < pad0 ? pad : e.prompt()[t - pad0];
                mask[i * s + t] = t < pad0 ? 0 : 1;
            }
            for (int t = 0; t < r; t++) {
                boolean real = t < e.response().length;
                responses[i * r + t] = real ? e.response()[t] : pad;
                mask[i * s + p + t] = real ? 1 : 0;
                responseMask[i * r + t] = real;
            }
            long seen = 0;
            for (int t = 0; t < s; t++) {
                seen += mask[i * s + t];
                positions[i * s + t] = mask[i * s + t] == 0 ? 1 : seen - 1;
            }
        }
        Map<String, HostTensor> feed = new HashMap<>();
        feed.put(DecoderForward.PROMPTS, HostTensor.ofLongs(new long[]{b, p}, prompts));
        feed.put(TrainStepGraph.RESPONSES, HostTensor.ofLongs(new long[]{b, r}, responses));
        feed.put(GenerationGraph.MASK, HostTensor.ofLongs(new long[]{b, s}, mask));
        feed.put(GenerationGraph.POSITIONS, HostTensor.ofLongs(new long[]{b, s}, positions));
        feed.put(TrainStepGraph.MASK, HostTensor.ofBooleans(new long[]{b, r}, responseMask));
        return feed;
    }
}
