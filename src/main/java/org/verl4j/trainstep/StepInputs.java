package org.verl4j.trainstep;

import org.verl4j.graph.ElementType;
import org.verl4j.graph.HostTensor;
import org.verl4j.rl.PolicyLoss;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scalar inputs of a {@link TrainStepGraph}, derived from a {@link StepConfig} — the only way they are fed, so
 * a hyperparameter has one source. Derived constants are computed in double on the host and rounded once to the
 * graph's type (a float32 graph computing 1 − β₂ itself from a rounded β₂ = 0.999 was off by 1.3e-5 relative).
 */
public final class StepInputs {

    private StepInputs() {
    }

    /**
     * The objective's hyperparameters by input name: for a policy ε_low, ε_high, c (only with a dual clip), c_H,
     * β; for a critic the value clip; none for SFT.
     */
    public static Map<String, HostTensor> objective(Objective objective, ElementType type) {
        Map<String, HostTensor> in = new LinkedHashMap<>();
        if (objective instanceof Objective.Policy p) {
            PolicyLoss pg = p.loss().policy();
            in.put(TrainStepGraph.CLIP_LOW, HostTensor.scalar(type, pg.clipLow()));
            in.put(TrainStepGraph.CLIP_HIGH, HostTensor.scalar(type, pg.clipHigh()));
            pg.dualClip().ifPresent(c -> in.put(TrainStepGraph.DUAL_CLIP, HostTensor.scalar(type, c)));
            in.put(TrainStepGraph.ENTROPY_COEFF, HostTensor.scalar(type, p.loss().entropyCoeff()));
            in.put(TrainStepGraph.KL_COEFF, HostTensor.scalar(type, p.loss().klCoeff()));
        } else if (objective instanceof Objective.Critic c) {
            in.put(TrainStepGraph.VALUE_CLIP, HostTensor.scalar(type, c.loss().clipRange()));
        }                                                                           // SFT: none
        return in;
    }

    /**
     * AdamW's constants for update t (1 on the first), in double as PyTorch's {@code AdamW} computes them on the
     * host (torch/optim/adamw.py, single-tensor path):
     * <pre>
     * decay      = 1 − lr·λ
     * 1 − β₁, 1 − β₂
     * step_size  = lr / (1 − β₁ᵗ)
     * √(1 − β₂ᵗ)
     * </pre>
     * plus β₁, β₂, ε and the global-norm clip as given.
     */
    public static Map<String, HostTensor> optimizer(AdamWConfig c, long t, ElementType type) {
        if (t < 1) throw new IllegalArgumentException("the AdamW update count t starts at 1, got " + t);
        Map<String, HostTensor> in = new LinkedHashMap<>();
        in.put(TrainStepGraph.DECAY, HostTensor.scalar(type, 1 - c.lr() * c.weightDecay()));
        in.put(TrainStepGraph.BETA1, HostTensor.scalar(type, c.beta1()));
        in.put(TrainStepGraph.ONE_MINUS_BETA1, HostTensor.scalar(type, 1 - c.beta1()));
        in.put(TrainStepGraph.BETA2, HostTensor.scalar(type, c.beta2()));
        in.put(TrainStepGraph.ONE_MINUS_BETA2, HostTensor.scalar(type, 1 - c.beta2()));
        in.put(TrainStepGraph.STEP_SIZE, HostTensor.scalar(type, c.lr() / (1 - Math.pow(c.beta1(), t))));
        in.put(TrainStepGraph.BIAS2_SQRT, HostTensor.scalar(type, Math.sqrt(1 - Math.pow(c.beta2(), t))));
        in.put(TrainStepGraph.EPS, HostTensor.scalar(type, c.eps()));
        in.put(TrainStepGraph.MAX_GRAD_NORM, HostTensor.scalar(type, c.maxGradNorm()));
        return in;
    }
}
