package org.verl4j.rollout;

import org.verl4j.rank.RankDynamics;

/**
 * One sampled response. Token arrays have one entry per response token, the EOS that ended it included (ALGORITHM.md §1:
 * tokens up to and including the first EOS count); nothing after it.
 *
 * @param promptId         the prompt's id
 * @param sample           the sample index in [0, n)
 * @param tokenIds         response tokens y_1 … y_T
 * @param logProbs         log π(y_t | ·) at temperature 1, the log_softmax of the raw logits (PPO's old log-probs
 *                         as {@code model.TokenLogProbs} computes them; note verl divides by τ first)
 * @param samplingLogProbs log q(y_t | ·) under the distribution actually sampled (τ, top-k, top-p, min-p
 *                         renormalised; 0 for greedy)
 * @param entropies        H_t = −Σ_v π_v log π_v of the temperature-1 distribution (nats)
 * @param finishReason     STOP (EOS or stop string) or LENGTH
 * @param metrics          ER/ERV/ERA (ALGORITHM.md §2–3) of the final-norm states Z (ALGORITHM.md §1), computed as the response ended
 * @param hiddenStates     Z [T][d], row t produced token t+1; an empty array unless the engine keeps them
 * @param meanHiddenState  z = (1/T) Σ_t Z[t] in double ({@code rank.DatasetRank.meanRow}, ALGORITHM.md §4), d values; an
 *                         empty array when the engine keeps neither it nor Z ({@link EngineOptions.Retention})
 */
public record Rollout(String promptId, int sample, int[] tokenIds, float[] logProbs, float[] samplingLogProbs,
                      float[] entropies, FinishReason finishReason, RankDynamics metrics, float[][] hiddenStates,
                      double[] meanHiddenState) {

    public Rollout {
        int t = tokenIds.length;
        if (logProbs.length != t || samplingLogProbs.length != t || entropies.length != t)
            throw new IllegalArgumentException("response " + promptId + "/" + sample + ": per-token arrays differ in length");
        if (hiddenStates.length != 0 && hiddenStates.length != t)
            throw new IllegalArgumentException("response " + promptId + "/" + sample + ": " + hiddenStates.length
                    + " hidden-state rows for " + t + " tokens");
        if (hiddenStates.length != 0 && meanHiddenState.length != hiddenStates[0].length)
            throw new IllegalArgumentException("response " + promptId + "/" + sample + ": a mean hidden state of "
                    + meanHiddenState.length + " values for hidden size " + hiddenStates[0].length);
    }

    /**
     * The file name of this response's hidden states in a {@code verl4j generate --hidden-states} directory,
     * {@code <id>-<sample>.npy} with every character of the id outside {@code [A-Za-z0-9._-]} replaced by {@code _}.
     * The one rule the writer ({@code generate}) and the readers ({@code analyze}) share.
     */
    public static String hiddenStatesFileName(String promptId, int sample) {
        return promptId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + sample + ".npy";
    }

    /** T, the number of response tokens. */
    public int length() {
        return tokenIds.length;
    }

    /** The tokens without a final EOS id (what is decoded for grading). */
    public int[] textTokenIds(int[] eosIds) {
        int t = tokenIds.length;
        if (t > 0 && finishReason == FinishReason.STOP) for (int e : eosIds) if (tokenIds[t - 1] == e) return java.util.Arrays.copyOf(tokenIds, t - 1);
        return tokenIds.clone();
    }
}
