package org.verl4j.model;

/**
 * Position ids of a left-padded row, the one place verl4j states Hugging Face's rule (generate and verl's
 * {@code compute_position_id_with_mask}):
 * <pre>
 *   position[t] = cumsum(mask)[t] − 1   where mask[t] = 1
 *   position[t] = 1                      where mask[t] = 0   (HF's masked_fill_(mask == 0, 1); never attended)
 * </pre>
 * A decoded token appended to a row takes the next position: the count of real tokens so far.
 */
public final class Positions {

    private Positions() {
    }

    /** The positions of one row with attention mask {@code mask} (0/1). */
    public static int[] fromMask(int[] mask) {
        int[] positions = new int[mask.length];
        int seen = 0;
        for (int t = 0; t < mask.length; t++) {
            if (mask[t] != 0 && mask[t] != 1)
                throw new IllegalArgumentException("attention mask value " + mask[t] + " at column " + t + " (must be 0 or 1)");
            seen += mask[t];
            positions[t] = mask[t] == 0 ? 1 : seen - 1;
        }
        return positions;
    }

    /** {@link #fromMask(int[])} of every row. */
    public static int[][] fromMask(int[][] mask) {
        int[][] out = new int[mask.length][];
        for (int b = 0; b < mask.length; b++) out[b] = fromMask(mask[b]);
        return out;
    }

    /** The position the next appended token takes: the number of real tokens in {@code mask}. */
    public static int next(int[] mask) {
        int seen = 0;
        for (int m : mask) seen += m;
        return seen;
    }
}
