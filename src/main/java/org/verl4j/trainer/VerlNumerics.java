package org.verl4j.trainer;

import org.verl4j.shaping.Numerics;
import org.verl4j.shaping.parity.AuthorsNumerics;

/** The arithmetic of VERL's aux as {@code verl.numerics} names it: the definition in double, or the authors' bf16. */
public enum VerlNumerics {
    /** {@link Numerics#FLOAT64}: the definition in double. */
    FLOAT64,
    /** {@link AuthorsNumerics#BF16}: the authors' bf16/f32 arithmetic, for bit parity with their code. */
    AUTHORS_BF16;

    public Numerics numerics() {
        return switch (this) {
            case FLOAT64 -> Numerics.FLOAT64;
            case AUTHORS_BF16 -> AuthorsNumerics.BF16;
        };
    }
}
