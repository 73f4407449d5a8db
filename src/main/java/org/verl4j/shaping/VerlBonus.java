package org.verl4j.shaping;

import org.verl4j.rl.TokenMask;

/**
 * VERL's aux as a bonus (ALGORITHM.md §7): b[i][t] = aux_i at the last valid token (LAST_TOKEN) or at every valid
 * token (ALL_TOKENS), 0 elsewhere.
 *
 * @param aux       aux_i per response
 * @param placement where it enters
 */
public record VerlBonus(double[] aux, Placement placement) implements AuxSlot {

    /**
     * Where the VERL bonus enters the advantage (ALGORITHM.md §7, decision).
     * LAST_TOKEN: only the last valid response token (the authors put aux in the reward tensor there; default).
     * ALL_TOKENS: every valid token of the response.
     */
    public enum Placement {
        LAST_TOKEN, ALL_TOKENS
    }

    public VerlBonus {
        if (aux == null || placement == null) throw new IllegalArgumentException("aux values and placement are required");
        for (int i = 0; i < aux.length; i++)
            if (!Double.isFinite(aux[i])) throw new IllegalArgumentException("aux of response " + i + " is " + aux[i]);
    }

    @Override
    public double[][] rawBonus(boolean[][] mask) {
        if (mask.length != aux.length)
            throw new IllegalArgumentException("VERL bonus: " + aux.length + " aux values for " + mask.length + " responses");
        double[][] b = new double[mask.length][mask[0].length];
        for (int i = 0; i < mask.length; i++) {
            if (placement == Placement.LAST_TOKEN) {
                b[i][TokenMask.lastValid(mask[i])] = aux[i];
            } else {
                for (int t = 0; t < mask[i].length; t++) if (mask[i][t]) b[i][t] = aux[i];
            }
        }
        return b;
    }
}
