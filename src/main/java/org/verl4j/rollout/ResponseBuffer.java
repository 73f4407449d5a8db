package org.verl4j.rollout;

import java.util.Arrays;
import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.HiddenStates;

import java.util.SplittableRandom;

/**
 * One response while it is being generated: its random stream, the tokens so far with their statistics, and the
 * hidden states Z (row t = the final-norm state that produced token t+1, ALGORITHM.md §1), appended row by row. Buffers
 * double up to the response's token limit, so 512 live responses of ≤ 512 tokens at d = 896 hold at most
 * 512·512·896·4 B = 0.94 GB of Z.
 */
final class ResponseBuffer {

    final Prompt prompt;
    final int sample;
    final int index;                                     // position in the call's prompt-major, sample-minor output
    final SplittableRandom rng;
    private final int d;
    private int length;
    private int[] tokens;
    private float[] logp, samplingLogp, entropy;
    private float[] hidden;
    FinishReason finish;

    private final int capacity;                          // the most tokens this response can reach

    ResponseBuffer(Prompt prompt, int sample, int index, long seed, int hiddenSize, int capacity) {
        this.prompt = prompt;
        this.sample = sample;
        this.index = index;
        this.rng = ResponseSeeds.stream(seed, prompt.id(), sample);
        this.d = hiddenSize;
        this.capacity = capacity;
        int initial = Math.min(16, capacity);
        this.tokens = new int[initial];
        this.logp = new float[initial];
        this.samplingLogp = new float[initial];
        this.entropy = new float[initial];
        this.hidden = new float[initial * hiddenSize];
    }

    /** Appends token t+1 = {@code choice} produced by state {@code z} (row t of Z). */
    void append(TokenChoice choice, float[] z) {
        if (length == tokens.length) {
            int grown = Math.min(capacity, length * 2);        // Z: at most T_max·d floats, never a doubled tail
            tokens = Arrays.copyOf(tokens, grown);
            logp = Arrays.copyOf(logp, grown);
            samplingLogp = Arrays.copyOf(samplingLogp, grown);
            entropy = Arrays.copyOf(entropy, grown);
            hidden = Arrays.copyOf(hidden, grown * d);
        }
        tokens[length] = choice.id();
        logp[length] = choice.logProb();
        samplingLogp[length] = choice.samplingLogProb();
        entropy[length] = choice.entropy();
        System.arraycopy(z, 0, hidden, length * d, d);
        length++;
    }

    int length() {
        return length;
    }

    int last() {
        return tokens[length - 1];
    }

    int[] tokens() {
        return Arrays.copyOf(tokens, length);
    }

    /** The last {@code count} tokens (fewer when shorter). */
    int[] tail(int count) {
        return Arrays.copyOfRange(tokens, Math.max(0, length - count), length);
    }

    /** Z as a row-major [T·d] array. */
    float[] hiddenFlat() {
        return Arrays.copyOf(hidden, length * d);
    }

    Rollout toRollout(org.verl4j.rank.RankDynamics metrics, EngineOptions.Retention keep) {
        float[][] z = new float[keep == EngineOptions.Retention.KEEP ? length : 0][];
        for (int t = 0; t < z.length; t++) z[t] = Arrays.copyOfRange(hidden, t * d, (t + 1) * d);
        double[] mean = keep == EngineOptions.Retention.DISCARD ? new double[0]
                : DatasetRank.meanRow(HiddenStates.ofFloats(length, d, hiddenFlat()), index);      // z = (1/T) Σ_t Z[t]
        return new Rollout(prompt.id(), sample, tokens(), Arrays.copyOf(logp, length), Arrays.copyOf(samplingLogp, length),
                Arrays.copyOf(entropy, length), finish, metrics, z, mean);
    }
}
