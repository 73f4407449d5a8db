package org.verl4j.shaping;

import org.verl4j.shaping.VerlController.Phase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Steps 1–3 of the controller replayed against values derived by hand from ALGORITHM.md §6 (α = 0.3, g = 2, P = 1):
 * step 1 has no aux; at step 2 every baseline is 0 so deviations saturate at ±5 and aux has closed forms
 * (tanh 5 and −tanh² 5); step 3 uses m = 0.3·(step-1 means).
 */
class ControllerReplayTest {

    static final VerlConfig C = VerlConfig.defaults();
    static final List<RankIndicators> X1 = List.of(new RankIndicators(0.01, 0.5, 60), new RankIndicators(0.03, 0.7, 64));
    static final List<RankIndicators> X2 = List.of(new RankIndicators(0.02, 0.4, 50), new RankIndicators(-0.01, -0.2, 70));
    static final List<RankIndicators> X3 = List.of(new RankIndicators(0.006, 0.18, 37.2));

    @Test
    void stepsOneTwoThreeFollowTheSpecUpdateOrder() {
        ControllerStep s1 = VerlController.step(ControllerState.initial(), C, X1, new double[]{1, -1}, Phase.TRAINING);
        assertThat(s1.applied()).isFalse();
        assertThat(s1.aux()).containsExactly(0, 0);
        assertThat(s1.next().step()).isEqualTo(1);
        assertThat(s1.next().scoreEma()).isZero();                                  // no update without aux
        assertThat(s1.next().baselines()).isEqualTo(RankIndicators.ZERO);
        assertThat(s1.next().previousMeans().er()).isCloseTo(62, within(1e-12));

        ControllerStep s2 = VerlController.step(s1.next(), C, X2, new double[]{1, 0.5}, Phase.TRAINING);
        assertThat(s2.applied()).isTrue();
        assertThat(s2.terms().get(0).deviation()).isEqualTo(new RankIndicators(5, 5, 5));
        assertThat(s2.terms().get(1).deviation()).isEqualTo(new RankIndicators(-5, -5, 5));
        double tanh5 = Math.tanh(5);
        assertThat(s2.aux()[0]).isCloseTo(tanh5, within(1e-15));                   // λ·t + (1−λ)·t
        assertThat(s2.aux()[1]).isCloseTo(-tanh5 * tanh5, within(1e-15));          // t·(2σ(−10) − 1) = −tanh²5
        assertThat(s2.next().scoreEma()).isCloseTo(0.3 * 0.75, within(1e-15));
        assertThat(s2.next().baselines().era()).isCloseTo(0.3 * 0.02, within(1e-15));
        assertThat(s2.next().baselines().erv()).isCloseTo(0.3 * 0.6, within(1e-15));
        assertThat(s2.next().baselines().er()).isCloseTo(0.3 * 62, within(1e-12));

        ControllerStep s3 = VerlController.step(s2.next(), C, X3, new double[]{-0.5}, Phase.TRAINING);
        AuxTerms t = s3.terms().get(0);
        assertThat(t.deviation().era()).isCloseTo(0, within(1e-9));
        assertThat(t.deviation().erv()).isCloseTo(0, within(1e-9));
        assertThat(t.deviation().er()).isCloseTo(1, within(1e-9));
        assertThat(t.lambda()).isCloseTo(0.5, within(1e-9));
        assertThat(s3.aux()[0]).isCloseTo(0.5 * Math.tanh(1), within(1e-9));
        assertThat(s3.next().step()).isEqualTo(3);
        assertThat(s3.next().scoreEma()).isCloseTo(0.7 * 0.225 + 0.3 * -0.5, within(1e-15));
        assertThat(s3.next().baselines().era()).isCloseTo(0.7 * 0.006 + 0.3 * 0.005, within(1e-15));
        assertThat(s3.next().baselines().erv()).isCloseTo(0.7 * 0.18 + 0.3 * 0.1, within(1e-15));
        assertThat(s3.next().baselines().er()).isCloseTo(0.7 * 18.6 + 0.3 * 60, within(1e-12));
    }

    @Test
    void validationNeitherComputesAuxNorTouchesTheState() {
        ControllerState s = VerlController.step(ControllerState.initial(), C, X1, new double[]{1, -1}, Phase.TRAINING).next();
        ControllerStep v = VerlController.step(s, C, X2, new double[]{1, 1}, Phase.VALIDATION);
        assertThat(v.applied()).isFalse();
        assertThat(v.aux()).containsOnly(0.0);
        assertThat(v.next()).isEqualTo(s);
    }

    @Test
    void theFirstStepsClosedGateTracksMeansButNeverMovesTheBaselines() {
        for (VerlConfig.Target target : VerlConfig.Target.values()) {
            ControllerStep s1 = VerlController.step(ControllerState.initial(), C.withTarget(target), X1, new double[]{1, -1},
                    Phase.TRAINING);
            assertThat(s1.applied()).as(target + ": no previous means").isFalse();
            assertThat(s1.aux()).containsOnly(0.0);
            assertThat(s1.next().baselines()).isEqualTo(RankIndicators.ZERO);
            assertThat(s1.next().scoreEma()).isZero();
            assertThat(s1.next().previousMeans().era()).isCloseTo(0.02, within(1e-15));       // (0.01 + 0.03)/2
            assertThat(s1.next().previousMeans().er()).isCloseTo(62, within(1e-12));           // (60 + 64)/2
        }
    }

    @Test
    void addRewardAloneAlsoOpensTheGate() {
        VerlConfig rewardOnly = C.withTarget(VerlConfig.Target.REWARD);
        ControllerState s = VerlController.step(ControllerState.initial(), rewardOnly, X1, new double[]{1, -1}, Phase.TRAINING).next();
        assertThat(VerlController.step(s, rewardOnly, X2, new double[]{1, 1}, Phase.TRAINING).applied()).isTrue();
    }

    @Test
    void stateRoundTripsThroughItsArrayFormExactly() {
        ControllerState s = ControllerState.initial();
        for (List<RankIndicators> x : List.of(X1, X2, X3))
            s = VerlController.step(s, C, x, new double[x.size()], Phase.TRAINING).next();
        assertThat(ControllerState.fromArray(s.toArray())).isEqualTo(s);
        assertThat(ControllerState.fromArray(ControllerState.initial().toArray())).isEqualTo(ControllerState.initial());
    }

    @Test
    void malformedStateArraysAreRejectedWithTheReason() {
        assertThatThrownBy(() -> ControllerState.fromArray(new double[3])).hasMessageContaining("expected 10 numbers");
        double[] a = ControllerState.initial().toArray();
        a[0] = 7;
        assertThatThrownBy(() -> ControllerState.fromArray(a)).hasMessageContaining("unknown format");
    }
}
