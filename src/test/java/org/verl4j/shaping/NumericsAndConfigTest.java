package org.verl4j.shaping;

import org.verl4j.shaping.parity.AuthorsNumerics;
import org.verl4j.shaping.parity.Bf16;
import org.junit.jupiter.api.Test;
import org.verl4j.rank.RankDynamics;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** bf16 rounding, the config's defaults and validation, and indicator construction. */
class NumericsAndConfigTest {

    @Test
    void bf16RoundsToNearestWithTiesToEven() {
        assertThat(Bf16.round(1.0f + 0x1p-8f)).isEqualTo(1.0f);                   // tie → even (1.0)
        assertThat(Bf16.round(1.0f + 3 * 0x1p-8f)).isEqualTo(1.0f + 0x1p-6f);     // tie → even (1 + 2^-6)
        assertThat(Bf16.round(1.0f + 0x1p-8f + 0x1p-20f)).isEqualTo(1.0f + 0x1p-7f);
        assertThat(Bf16.round(61.37)).isEqualTo(61.25f);
        assertThat(Float.floatToRawIntBits(Bf16.round(-0.0f))).isEqualTo(Float.floatToRawIntBits(-0.0f));
        assertThat(Bf16.round(Float.NaN)).isNaN();
        assertThat(Bf16.round(Float.MAX_VALUE)).isEqualTo(Float.POSITIVE_INFINITY);
    }

    @Test
    void defaultsAreTheAuthorsRun() {
        VerlConfig c = VerlConfig.defaults();
        assertThat(c.modulationGain()).isEqualTo(2.0);
        assertThat(c.emaAlpha()).isEqualTo(0.3);
        assertThat(c.globalWeight()).isEqualTo(1.0);
        assertThat(c.scaling()).isEqualTo(VerlConfig.Scaling.FIXED);
        assertThat(c.hypothesis()).isEqualTo(Hypothesis.PLAN_B);
        assertThat(c.kappa()).isEqualTo(2.0);
        assertThat(c.placement()).isEqualTo(VerlBonus.Placement.LAST_TOKEN);
        assertThat(c.target()).isEqualTo(VerlConfig.Target.ADVANTAGE);
        assertThat(c.target().shapesAdvantage()).isTrue();
        assertThat(c.target().shapesReward()).isFalse();
        assertThat(c.numerics()).isEqualTo(Numerics.FLOAT64);
        assertThat(c.toString()).contains("numerics=FLOAT64", "target=ADVANTAGE", "scaling=FIXED", "placement=LAST_TOKEN");
        assertThat(c.withNumerics(AuthorsNumerics.BF16).toString()).contains("numerics=AUTHORS_BF16");
        assertThat(c.explore()).isEqualTo(new ChannelWeights(0, 0, 1));
        assertThat(c.exploit()).isEqualTo(new ChannelWeights(0, 1, 0));
    }

    @Test
    void targetsAreTheThreeAddAdvAddRewardCombinationsWithAtLeastOneOn() {
        for (VerlConfig.Target t : VerlConfig.Target.values()) {
            boolean addAdv = t == VerlConfig.Target.ADVANTAGE || t == VerlConfig.Target.REWARD_AND_ADVANTAGE;
            boolean addReward = t == VerlConfig.Target.REWARD || t == VerlConfig.Target.REWARD_AND_ADVANTAGE;
            assertThat(t.shapesAdvantage()).as(t + " add_adv").isEqualTo(addAdv);
            assertThat(t.shapesReward()).as(t + " add_reward").isEqualTo(addReward);
            assertThat(addAdv || addReward).as(t + ": add_adv or add_reward (VERL off is the caller's switch)").isTrue();
        }
    }

    @Test
    void invalidSettingsAreRejectedByName() {
        assertThatThrownBy(() -> VerlConfig.defaults().withKappa(0)).hasMessageContaining("κ");
        assertThatThrownBy(() -> new VerlConfig(2, 0, 1, VerlConfig.Scaling.FIXED, Hypothesis.PLAN_B, ChannelWeights.EXPLORE,
                ChannelWeights.EXPLOIT, 2, VerlBonus.Placement.LAST_TOKEN, VerlConfig.Target.ADVANTAGE, Numerics.FLOAT64)).hasMessageContaining("α");
        assertThatThrownBy(() -> new RankIndicators(Double.NaN, 0, 0)).hasMessageContaining("finite");
    }

    @Test
    void dynamicScalingUsesTheScoreEma() {
        VerlConfig dynamic = VerlConfig.defaults().withScaling(VerlConfig.Scaling.SCORE_EMA, 1.0);
        assertThat(VerlAux.scaling(dynamic, 0.6)).isEqualTo(1.0 * (1 - (0.6 + 1) / 2));
        assertThat(VerlAux.scaling(VerlConfig.defaults(), 0.6)).isEqualTo(1.0);
    }

    @Test
    void indicatorsComeFromRankDynamicsInSpecOrder() {
        RankDynamics d = new RankDynamics(100, 42.5, Math.log(42.5), 60, 0.7, -0.02, true, true, List.of());
        assertThat(RankIndicators.of(d)).isEqualTo(new RankIndicators(-0.02, 0.7, 42.5));
        assertThat(RankIndicators.of(d).get(0)).isEqualTo(-0.02);
    }
}
