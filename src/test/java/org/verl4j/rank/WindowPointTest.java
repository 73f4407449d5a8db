package org.verl4j.rank;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** ALGORITHM.md §3: v_j is defined from the second window on, a_j from the third; undefined is empty, never a number. */
class WindowPointTest {

    @Test
    void velocityFromTheSecondWindowAndAccelerationFromTheThird() {
        // Z = rows 0..9 of a 3-d spiral, stride 3: windows end at t = 3, 6, 9 (K = ⌊9/3⌋ = 3).
        int rowsT = 10, d = 3;
        double[] z = new double[rowsT * d];
        for (int t = 0; t < rowsT; t++) {
            z[t * d] = Math.cos(t);
            z[t * d + 1] = Math.sin(t);
            z[t * d + 2] = 0.1 * t * t;
        }
        RankDynamics r = SvdRank.measure(new HiddenStates(rowsT, d, z), new RankOptions(3, rowsT, Truncation.NONE),
                WindowSeries.KEEP);
        List<WindowPoint> w = r.windows();
        assertThat(w).extracting(WindowPoint::end).containsExactly(3, 6, 9);
        assertThat(w.get(0).velocity()).isEmpty();
        assertThat(w.get(0).acceleration()).isEmpty();
        assertThat(w.get(1).velocity()).isPresent();
        assertThat(w.get(1).acceleration()).isEmpty();
        // Oracle: the §3 definitions restated on the windows' own E_j (same operations; 1e-12 leaves room for order).
        double e1 = w.get(0).er(), e2 = w.get(1).er(), e3 = w.get(2).er();
        double v2 = e2 - e1, v3 = e3 - (e1 + e2) / 2;
        assertThat(w.get(1).velocity()).hasValueCloseTo(v2, within(1e-12));
        assertThat(w.get(2).velocity()).hasValueCloseTo(v3, within(1e-12));
        assertThat(w.get(2).acceleration()).hasValueCloseTo(v3 - v2, within(1e-12));
        assertThat(r.era()).isCloseTo(v3 - v2, within(1e-12));
    }

    @Test
    void anAccelerationWithoutAVelocityIsRejected() {
        assertThatThrownBy(() -> new WindowPoint(3, 1.0, OptionalDouble.empty(), OptionalDouble.of(0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t = 3");
    }
}
