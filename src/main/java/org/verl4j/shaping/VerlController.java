package org.verl4j.shaping;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of the VERL controller (spec §6), a pure function of (state, batch) → (aux, next state).
 *
 * <pre>
 * gate  = (add_reward OR add_adv) AND previous means exist AND phase = TRAINING
 * if gate:
 *     P     = w_g  or  w_g·(1 − (S̄ + 1)/2)                   from the state BEFORE this step
 *     aux_i = VerlAux(x_i, m, P)                               every response, all with the same m and P
 *     S̄     ← (1 − α)·S̄ + α·mean_i(score_i)                   then the state updates
 *     m_k   ← (1 − α)·m_k + α·previousMeans_k                  the PREVIOUS step's batch means: m lags one step
 * on every training step:  previousMeans ← mean_i(x_i);  step ← step + 1
 * validation: no aux, the state is returned unchanged
 * </pre>
 * So step 1 never has aux; at step 2 every m_k is still 0 and every deviation with x ≠ 0 saturates at ±5.
 * Batch means are plain means over all responses (unmeasured ERV/ERA count as their 0).
 */
public final class VerlController {

    private VerlController() {
    }

    /** Runs one step. {@code scores} are the task scores of the responses (before any aux). */
    public static ControllerStep step(ControllerState state, VerlConfig config, List<RankIndicators> x,
                                      double[] scores, Phase phase) {
        if (x.isEmpty()) throw new IllegalArgumentException("controller step: empty batch");
        if (scores.length != x.size())
            throw new IllegalArgumentException("controller step: " + x.size() + " indicator rows but " + scores.length + " scores");
        for (int i = 0; i < scores.length; i++)
            if (!Double.isFinite(scores[i])) throw new IllegalArgumentException("controller step: score " + i + " is " + scores[i]);
        double[] aux = new double[x.size()];
        if (phase == Phase.VALIDATION) return new ControllerStep(false, aux, List.of(), state);

        boolean gate = config.gate() && state.hasPreviousMeans();
        List<AuxTerms> terms = new ArrayList<>();
        double scoreEma = state.scoreEma();
        RankIndicators baselines = state.baselines();
        if (gate) {
            boolean emulate = config.numerics() == Numerics.AUTHORS_BF16;
            double p = VerlAux.scaling(config, state.scoreEma());
            for (int i = 0; i < x.size(); i++) {
                AuxTerms t = emulate ? AuthorsNumerics.aux(x.get(i), baselines, p, config)
                        : VerlAux.of(x.get(i), baselines, p, config);
                terms.add(t);
                aux[i] = emulate ? AuthorsNumerics.storedAux(scores[i], t.aux()) : t.aux();
            }
            double meanScore = emulate ? meanF32OfBf16(scores) : mean(scores);
            scoreEma = (1 - config.emaAlpha()) * scoreEma + config.emaAlpha() * meanScore;   // S̄ update
            baselines = baselines.ema(config.emaAlpha(), state.previousMeans());              // m_k update
        }
        ControllerState next = new ControllerState(state.step() + 1, scoreEma, baselines, RankIndicators.mean(x));
        return new ControllerStep(gate, aux, terms, next);
    }

    private static double mean(double[] s) {
        double sum = 0;
        for (double v : s) sum += v;
        return sum / s.length;
    }

    /** The authors' {@code reward_tensor_0.sum(-1).float().mean()}: bf16 scores, float32 sum in order. */
    private static double meanF32OfBf16(double[] s) {
        float sum = 0f;
        for (double v : s) sum += Bf16.round(v);
        return sum / (float) s.length;
    }
}
