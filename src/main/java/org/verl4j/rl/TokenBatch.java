package org.verl4j.rl;

/**
 * Token-level rewards of a batch of responses with their response mask, group ids and (for GAE) critic values
 * (ALGORITHM.md §8). Rows are responses, columns are response token positions; {@code mask[i][t]} is true for the
 * tokens up to and including the first EOS.
 *
 * <p>Conventions: every row has at least one valid token; values at valid positions must be finite; values at
 * masked positions are never read, so they may hold anything (padding, NaN). {@code groupIds[i]} names the
 * prompt response i was sampled for (GRPO/RLOO groups). Arrays are not copied: callers must not modify them
 * while an estimator runs.
 *
 * @param rewards  r[i][t], token-level rewards (outcome rewards sit at the last valid token)   [B][T]
 * @param mask     valid response tokens                                                          [B][T]
 * @param groupIds prompt id per response                                                         [B]
 * @param values   critic values V[i][t], or null when no critic is used                          [B][T]
 */
public record TokenBatch(double[][] rewards, boolean[][] mask, int[] groupIds, double[][] values) {

    public TokenBatch {
        TokenMask.check(mask);
        TokenMask.requireFinite(rewards, mask, "rewards");
        if (groupIds == null || groupIds.length != mask.length)
            throw new IllegalArgumentException("groupIds: expected " + mask.length + " entries (one per response), got "
                    + (groupIds == null ? "null" : groupIds.length));
        if (values != null) TokenMask.requireFinite(values, mask, "values");
    }

    /** A batch without critic values. */
    public static TokenBatch of(double[][] rewards, boolean[][] mask, int[] groupIds) {
        return new TokenBatch(rewards, mask, groupIds, null);
    }

    /** The same batch with critic values (GAE). */
    public TokenBatch withValues(double[][] criticValues) {
        return new TokenBatch(rewards, mask, groupIds, criticValues);
    }

    /** B, the number of responses. */
    public int size() {
        return mask.length;
    }

    /** T, the padded response length. */
    public int length() {
        return mask[0].length;
    }
}
