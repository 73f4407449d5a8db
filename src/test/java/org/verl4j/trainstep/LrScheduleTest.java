package org.verl4j.trainstep;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link LrSchedule} against values worked by hand from its javadoc table (warmup, start of the decay, midpoint,
 * end, past the end). Tolerance 1e-15: each value is a few double operations on exact dyadic or short decimal
 * inputs, so only the last-place rounding of cos and the products can differ from the hand value.
 */
class LrScheduleTest {

    @Test
    void theDefaultIsExactlyTheConfiguredRateAtEveryUpdate() {
        for (long t : new long[]{1, 2, 7, 1_000_000})
            assertThat(LrSchedule.CONSTANT.lr(1e-4, t)).isEqualTo(1e-4);          // bit for bit: f ≡ 1.0
    }

    @Test
    void constantWithWarmupRisesLinearlyFromZeroThenHolds() {
        LrSchedule s = new LrSchedule.Constant(4);
        assertThat(s.factor(1)).isEqualTo(0.25);                                   // 1/4
        assertThat(s.factor(2)).isEqualTo(0.5);                                    // 2/4
        assertThat(s.factor(3)).isEqualTo(0.75);
        assertThat(s.factor(4)).isEqualTo(1.0);                                    // W/W
        assertThat(s.factor(50)).isEqualTo(1.0);
    }

    @Test
    void linearDecayHitsTheHandValuesAtWarmupMidpointAndEnd() {
        LrSchedule s = new LrSchedule.Linear(4, 12, 0.1);                          // W = 4, T = 12, r = 0.1
        assertThat(s.factor(2)).isCloseTo(0.5, within(1e-15));                     // warmup 2/4
        assertThat(s.factor(4)).isCloseTo(1.0, within(1e-15));                     // p = 0
        assertThat(s.factor(6)).isCloseTo(0.775, within(1e-15));                   // p = 1/4: 0.1 + 0.9·0.75
        assertThat(s.factor(8)).isCloseTo(0.55, within(1e-15));                    // p = 1/2: 0.1 + 0.9·0.5
        assertThat(s.factor(12)).isCloseTo(0.1, within(1e-15));                    // p = 1: r
        assertThat(s.factor(30)).isCloseTo(0.1, within(1e-15));                    // clamped at r
        assertThat(s.lr(2e-3, 8)).isCloseTo(1.1e-3, within(1e-18));
    }

    @Test
    void cosineDecayHitsTheHandValuesAtWarmupMidpointAndEnd() {
        LrSchedule s = new LrSchedule.Cosine(4, 12, 0.0);
        assertThat(s.factor(1)).isCloseTo(0.25, within(1e-15));
        assertThat(s.factor(4)).isCloseTo(1.0, within(1e-15));
        assertThat(s.factor(6)).isCloseTo(0.5 + Math.sqrt(2) / 4, within(1e-15));  // p = 1/4: ½(1 + √2/2)
        assertThat(s.factor(8)).isCloseTo(0.5, within(1e-15));                     // p = 1/2: ½(1 + 0)
        assertThat(s.factor(10)).isCloseTo(0.5 - Math.sqrt(2) / 4, within(1e-15)); // p = 3/4
        assertThat(s.factor(12)).isCloseTo(0.0, within(1e-15));                    // p = 1: ½(1 − 1)
        LrSchedule floor = new LrSchedule.Cosine(0, 4, 0.2);                       // no warmup, r = 0.2
        assertThat(floor.factor(1)).isCloseTo(0.2 + 0.8 * (0.5 + Math.sqrt(2) / 4), within(1e-15));
        assertThat(floor.factor(2)).isCloseTo(0.6, within(1e-15));                 // 0.2 + 0.8·½
        assertThat(floor.factor(4)).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void invalidSchedulesAndUpdateCountsAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> LrSchedule.CONSTANT.factor(0)).hasMessageContaining("starts at 1, got 0");
        assertThatThrownBy(() -> new LrSchedule.Constant(-1)).hasMessageContaining("warmup steps must be ≥ 0, got -1");
        assertThatThrownBy(() -> new LrSchedule.Linear(5, 5, 0)).hasMessageContaining("(5)");
        assertThatThrownBy(() -> new LrSchedule.Cosine(0, 10, 1.5)).hasMessageContaining("min-lr ratio").hasMessageContaining("1.5");
        assertThatThrownBy(() -> new LrSchedule.Cosine(0, 10, Double.NaN)).hasMessageContaining("min-lr ratio");
    }

    @Test
    void eachKindBuildsItsShape() {
        assertThat(LrSchedule.Kind.CONSTANT.of(3, 10, 0.5)).isEqualTo(new LrSchedule.Constant(3));
        assertThat(LrSchedule.Kind.LINEAR.of(3, 10, 0.5)).isEqualTo(new LrSchedule.Linear(3, 10, 0.5));
        assertThat(LrSchedule.Kind.COSINE.of(0, 4, 0)).isEqualTo(new LrSchedule.Cosine(0, 4, 0));
        assertThatThrownBy(() -> LrSchedule.Kind.LINEAR.of(5, 5, 0)).hasMessageContaining("more updates");
    }
}
