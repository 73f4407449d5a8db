package org.verl4j.trainstep;

import org.junit.jupiter.api.Test;
import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.graph.OrtRunner;
import org.verl4j.rl.ActorLoss;
import org.verl4j.rl.KlEstimator;
import org.verl4j.rl.LossAggregation;
import org.verl4j.rl.PolicyLoss;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one step configuration: its defaults (ALGORITHM.md §8, with verl's dual clip), validation, the scalar inputs derived
 * from it, and the errors {@link TrainStep} gives for a micro-batch that tries to carry a hyperparameter or a name
 * the graph does not take.
 */
class StepConfigTest {

    static final long SEED = 8_2026L;

    @Test
    void defaultsAreTheSpecsWithVerlsDualClip() {
        StepConfig d = StepConfig.DEFAULTS;
        ActorLoss loss = ((Objective.Policy) d.objective()).loss();
        assertThat(loss.policy().clipLow()).isEqualTo(0.2);
        assertThat(loss.policy().clipHigh()).isEqualTo(0.2);
        assertThat(loss.policy().dualClip()).as("verl's clip_ratio_c, always applied by verl")
                .isEqualTo(OptionalDouble.of(3.0));
        assertThat(loss.policy().aggregation()).isEqualTo(LossAggregation.TOKEN_MEAN);
        assertThat(loss.entropyCoeff()).isEqualTo(0.001);
        assertThat(loss.klCoeff()).isEqualTo(0.001);
        assertThat(loss.klEstimator()).isEqualTo(KlEstimator.K3);
        assertThat(d.optimizer()).isEqualTo(new AdamWConfig(5e-7, 0.9, 0.999, 1e-8, 0.01, 1.0));
        assertThat(d.microBatches()).isEqualTo(1);
    }

    @Test
    void invalidSettingsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> StepConfig.DEFAULTS.withMicroBatches(0)).hasMessageContaining("microBatches");
        assertThatThrownBy(() -> new StepConfig(null, AdamWConfig.defaults(), 1)).hasMessageContaining("objective");
        assertThatThrownBy(() -> PolicyLoss.defaults().withDualClip(1.0)).hasMessageContaining("dual clip");
        assertThatThrownBy(() -> PolicyLoss.defaults().withDualClip(Double.NaN)).hasMessageContaining("dual clip");
    }

    @Test
    void withoutDualClipTheGraphTakesNoDualClipInput() {
        ActorLoss plain = new ActorLoss(PolicyLoss.defaults().withoutDualClip(), 0.001, 0.001, KlEstimator.K3);
        assertThat(StepInputs.objective(new Objective.Policy(plain), ElementType.DOUBLE))
                .doesNotContainKey(TrainStepGraph.DUAL_CLIP);
        assertThat(StepInputs.objective(StepConfig.DEFAULTS.objective(), ElementType.DOUBLE))
                .containsKey(TrainStepGraph.DUAL_CLIP);
        try (OrtRunner r = new OrtRunner(TrainStepGraph.build("plain", ElementType.DOUBLE, MlpPolicy.LAYOUT,
                MlpPolicy.forward(ElementType.DOUBLE), new Objective.Policy(plain), TrainStepGraph.Mode.ACCUMULATE),
                OrtRunner.Options.cpu(1))) {
            assertThat(r.inputNames()).doesNotContain(TrainStepGraph.DUAL_CLIP);
        }
    }

    @Test
    void derivedOptimizerConstantsAreComputedInDoubleOnTheHost() {
        // float32(1 − β₂) must be the rounding of the exact 0.001, not 1 − float32(0.999) (1.3e-5 relative off)
        Map<String, HostTensor> in = StepInputs.optimizer(AdamWConfig.defaults(), 1, ElementType.FLOAT);
        assertThat((float) in.get(TrainStepGraph.ONE_MINUS_BETA2).scalar()).isEqualTo((float) (1 - 0.999));
        assertThat((float) in.get(TrainStepGraph.ONE_MINUS_BETA2).scalar()).isNotEqualTo(1f - 0.999f);
        Map<String, HostTensor> t3 = StepInputs.optimizer(AdamWConfig.defaults(), 3, ElementType.DOUBLE);
        assertThat(t3.get(TrainStepGraph.STEP_SIZE).scalar()).isEqualTo(5e-7 / (1 - Math.pow(0.9, 3)));
        assertThat(t3.get(TrainStepGraph.BIAS2_SQRT).scalar()).isEqualTo(Math.sqrt(1 - Math.pow(0.999, 3)));
        assertThat(t3.get(TrainStepGraph.DECAY).scalar()).isEqualTo(1 - 5e-7 * 0.01);
    }

    @Test
    void aFloat32FirstUpdateKeepsTheExactRatioOfTheMoments() {
        // After one update from m = v = 0: m = (1 − β₁)ĝ and v = (1 − β₂)ĝ², so v/m² = (1 − β₂)/(1 − β₁)² = 0.1
        // whatever ĝ is. Float32 rounding of m, m² and v gives a few ulps (≤ 1e-6 relative here); computing 1 − β₂
        // from a float32 β₂ = 0.999 in the graph was 1.3e-5 off.
        Random rnd = new Random(SEED);
        double[] theta0 = MlpPolicy.initialTheta(rnd);
        AdamWConfig opt = new AdamWConfig(1e-3, 0.9, 0.999, 1e-8, 0.0, 1e9);
        try (TrainStep step = new TrainStep(ElementType.FLOAT, MlpPolicy.LAYOUT, MlpPolicy.forward(ElementType.FLOAT),
                TrainStepTest.config(opt, 1), theta0, OrtRunner.Options.cpu(1))) {
            step.step(List.of(TrainStepTest.toFloat(MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 2, 3))));
            TrainStep.State s = step.state();
            double worst = 0;
            for (int i = 0; i < s.m().length; i++)
                if (Math.abs(s.m()[i]) > 1e-6) worst = Math.max(worst, Math.abs(s.v()[i] / (s.m()[i] * s.m()[i]) / 0.1 - 1));
            assertThat(worst).as("max |v/m² ÷ 0.1 − 1|, seed %d", SEED).isLessThan(1e-6);
        }
    }

    @Test
    void aMicroBatchNamingAHyperparameterOrAnUnknownInputIsRejectedByName() {
        Random rnd = new Random(SEED);
        double[] theta0 = MlpPolicy.initialTheta(rnd);
        try (TrainStep step = new TrainStep(ElementType.DOUBLE, MlpPolicy.LAYOUT, MlpPolicy.forward(ElementType.DOUBLE),
                TrainStepTest.config(AdamWConfig.defaults(), 1), theta0, OrtRunner.Options.cpu(1))) {
            Map<String, HostTensor> batch = MlpPolicy.microBatch(rnd, ElementType.DOUBLE, 2, 3);
            Map<String, HostTensor> withClip = new HashMap<>(batch);
            withClip.put(TrainStepGraph.CLIP_LOW, HostTensor.scalar(ElementType.DOUBLE, 0.1));
            assertThatThrownBy(() -> step.step(List.of(withClip))).as("seed %d", SEED)
                    .hasMessageContaining("'clip_low'").hasMessageContaining("StepConfig");
            Map<String, HostTensor> stray = new HashMap<>(batch);
            stray.put("clip_lo", HostTensor.scalar(ElementType.DOUBLE, 0.1));
            assertThatThrownBy(() -> step.step(List.of(stray))).hasMessageContaining("no input 'clip_lo'");
            assertThatThrownBy(() -> step.step(List.of(batch, batch))).hasMessageContaining("takes 1 micro-batch");
            assertThat(step.steps()).isZero();
        }
    }

    @Test
    void ortRunnerNamesAStrayInput() {
        try (OrtRunner r = TrainStepTest.accumulateRunner()) {
            assertThatThrownBy(() -> r.run(Map.of("no_such_input", HostTensor.scalar(ElementType.DOUBLE, 1))))
                    .hasMessageContaining("no input 'no_such_input'");
        }
    }
}
