package org.verl4j.shaping;

/**
 * The signal that shaping adds to the advantage (ALGORITHM.md §7): a raw per-token bonus b[i][t] that
 * {@link AdvantageShaping} clips as min(relu(b), |A0|/κ). Implementations can be swapped on identical rollouts:
 * VERL's aux ({@link VerlBonus}), the token-entropy term of Cheng et al. 2025 ({@link EntropyBonus}), or
 * nothing ({@link #NONE}).
 */
public sealed interface AuxSlot permits VerlBonus, EntropyBonus, AuxSlot.None {

    /** No shaping: b = 0, so A = A0 exactly. */
    AuxSlot NONE = new None();

    /** b[B][T]: the raw bonus at valid tokens, 0 at masked ones. */
    double[][] rawBonus(boolean[][] mask);

    /** b = 0 everywhere. */
    record None() implements AuxSlot {

        @Override
        public double[][] rawBonus(boolean[][] mask) {
            return new double[mask.length][mask[0].length];
        }
    }
}
