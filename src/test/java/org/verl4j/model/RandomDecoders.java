package org.verl4j.model;

import java.util.List;
import java.util.Random;

/** Small random decoders for differential tests (weights from {@link RandomWeights}). */
final class RandomDecoders {

    private RandomDecoders() {
    }

    /** A config of {@code arch} with {@code H = H_kv · groups} heads of size {@code D}. */
    static ModelConfig config(Architecture arch, int layers, int kvHeads, int groups, int headDim, boolean tied,
                              boolean llamaBias, int vocab) {
        int heads = kvHeads * groups;
        int d = heads * headDim + (headDim % 3 == 0 ? 0 : 2);            // d need not equal H·D
        boolean qkvBias = arch == Architecture.QWEN2 || llamaBias;
        boolean outputBias = arch == Architecture.LLAMA && llamaBias;
        return new ModelConfig(arch, d, 2 * d + 3, layers, heads, kvHeads, headDim, 1e-6, 10000.0, vocab, tied,
                qkvBias, outputBias, 512, -1, List.of(1), "float32");
    }

    static DecoderWeights weights(ModelConfig config, Random random) {
        return RandomWeights.of(config, random);
    }

    /** Token ids in [0, V). */
    static int[][] tokens(Random random, int batch, int length, int vocab) {
        int[][] ids = new int[batch][length];
        for (int[] row : ids) for (int t = 0; t < length; t++) row[t] = random.nextInt(vocab);
        return ids;
    }

    /** Attention masks with {@code pads[b]} leading zeros (left padding). */
    static int[][] leftPadded(int length, int... pads) {
        int[][] mask = new int[pads.length][length];
        for (int b = 0; b < pads.length; b++) for (int t = pads[b]; t < length; t++) mask[b][t] = 1;
        return mask;
    }
}
