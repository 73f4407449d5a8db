package org.verl4j.rank;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One growing prefix window of ALGORITHM.md §3: {@code W_j = Z[0..t]} (t+1 rows, of the possibly truncated Z).
 * <pre>
 *   E_j = ER(W_j)
 *   v_j = E_j − mean(E_1..E_{j−1})     defined for j ≥ 2
 *   a_j = v_j − v_{j−1}                defined for j ≥ 3
 * </pre>
 * An undefined difference is an empty {@link OptionalDouble}, never a number: the first window has no velocity, the
 * first two have no acceleration. (The response-level ERV/ERA of {@link RankDynamics} are 0 when unmeasured, as the
 * spec pins; a single window's v_j/a_j has no such convention.)
 *
 * @param end          t, the index of the window's last row (t = j·s)
 * @param er           E_j = ER(W_j)
 * @param velocity     v_j = E_j − mean(E_1..E_{j−1}); empty for j = 1 (undefined)
 * @param acceleration a_j = v_j − v_{j−1}; empty for j ≤ 2 (undefined)
 */
public record WindowPoint(int end, double er, OptionalDouble velocity, OptionalDouble acceleration) {

    /** Checks the components: an acceleration needs a velocity (a_j is defined only where v_j and v_{j−1} are). */
    public WindowPoint {
        Objects.requireNonNull(velocity, "velocity");
        Objects.requireNonNull(acceleration, "acceleration");
        if (acceleration.isPresent() && velocity.isEmpty())
            throw new IllegalArgumentException("window ending at t = " + end + ": a_j without v_j");
    }

    /** The window of ALGORITHM.md §3 with index j (1-based): v_j for j ≥ 2, a_j for j ≥ 3, the rest empty. */
    static WindowPoint of(int j, int end, double e, double v, double a) {
        return new WindowPoint(end, e, j >= 2 ? OptionalDouble.of(v) : OptionalDouble.empty(),
                j >= 3 ? OptionalDouble.of(a) : OptionalDouble.empty());
    }
}
