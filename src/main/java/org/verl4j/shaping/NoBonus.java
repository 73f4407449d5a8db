package org.verl4j.shaping;

/** No shaping: b = 0, so A = A0 exactly. */
public record NoBonus() implements AuxSlot {

    @Override
    public double[][] rawBonus(boolean[][] mask) {
        return new double[mask.length][mask[0].length];
    }
}
