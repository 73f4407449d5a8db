package org.verl4j.shaping;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of the VERL controller (ALGORITHM.md §6), a pure function of (state, batch) → (aux, next state).
 *
 * <pre>
 * gate  = (add_reward OR add_adv) AND previous means exist AND phase = TRAINING      (the first: every Target)
 * if gate:
 *     P     = w_g  or  w_g·(1 − (S̄ + 1)/2)                   from the state BEFORE this step
 *     aux_i = VerlAux(x_i, m, P)                               every response, all with the same m and P
 *     S̄     ← (1 − α)·S̄ + α·mean_i(score_i)                   then the state updates
 *     m_k   ← (1 − α)·m_k + α·previousMeans_k                  the PREVIOUS step's batch means: m lags one step
 * on every training step:  previousMeans ← mean_i(x_i);  step ← step + 1
 * validation: no aux, the state is returned unchanged
 * </pre>
 * So step 1 never has aux; at step 2 every m_k is still 0 and every deviation with x ≠ 0 saturates at ±5.
 * Batch means are plain means over all responses (unmeasured ERV/ERA count as their 0). The arithmetic is the
 * config's {@link Numerics} (FLOAT64: the definitions in double).
 */
public final class VerlController {

    /** Whether a batch is a training step (aux and state update) or validation (neither). */
    public enum Phase {
        TRAINING, VALIDATION
    }

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

        boolean gate = state.hasPreviousMeans();                            // add_reward OR add_adv: every Target
        List<AuxTerms> terms = new ArrayList<>();
        double scoreEma = state.scoreEma();
        RankIndicators baselines = state.baselines();
        if (gate) {
            Numerics numerics = config.numerics();
            double p = VerlAux.scaling(config, state.scoreEma());                               // P from S̄ before the step
            for (int i = 0; i < x.size(); i++) {
                AuxTerms t = numerics.aux(x.get(i), baselines, p, config);                      // aux_i = VerlAux(x_i, m, P)
                terms.add(t);
                aux[i] = numerics.enteredAux(scores[i], t);
            }
            double alpha = config.emaAlpha();
            scoreEma = (1 - alpha) * scoreEma + alpha * numerics.meanScore(scores);             // S̄ update
            baselines = baselines.ema(alpha, state.previousMeans());                            // m_k update (lags)
        }
        ControllerState next = new ControllerState(state.step() + 1, scoreEma, baselines, RankIndicators.mean(x));
        return new ControllerStep(gate, aux, terms, next);
    }
}
