package org.verl4j.trainer;

import org.verl4j.rl.AdvantageEstimator;
import org.verl4j.rl.Advantages;
import org.verl4j.rl.TokenBatch;
import org.verl4j.rollout.Rollout;
import org.verl4j.shaping.AdvantageShaping;
import org.verl4j.shaping.AuxTerms;
import org.verl4j.shaping.ControllerState;
import org.verl4j.shaping.ControllerStep;
import org.verl4j.shaping.EntropyBonus;
import org.verl4j.shaping.RankIndicators;
import org.verl4j.shaping.VerlController;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores → advantages for one training step (ALGORITHM.md §6–§8), for the three aux signals:
 * <pre>
 * r[i][T_i − 1] = s_i, 0 elsewhere               outcome reward at the last valid token (EOS included)
 * none         A = estimator(r)
 * verl         aux, state' = VerlController.step(state, x_i = [ERA, ERV, ER]_i, s)      ALGORITHM.md §6
 *              A0, A = AdvantageShaping.verl(r, estimator, aux)                          ALGORITHM.md §7
 * entropy-adv  A = A0 + min(relu(β·H_t), |A0|/κ),  A0 = estimator(r)                    Cheng et al.
 * </pre>
 * The estimator runs once per step. The controller runs only for verl; the other signals leave its state as it was.
 */
public final class AdvantageStage {

    /**
     * @param advantages   A[i][t] over each response's tokens
     * @param controller   the controller state after this step
     * @param aux          aux_i (zeros unless verl with its gate open)
     * @param terms        per-response intermediates (empty unless verl applied)
     * @param gateOpen     whether VERL's aux was applied this step
     * @param shapedTokens fraction of valid tokens whose advantage the shaping slot changed, A ≠ A0 (under verl.target
     *                     = reward A0 is the estimator's on the aux-shaped rewards, so this is 0)
     * @param returns      the estimator's returns per response token (the critic's targets under GAE)
     */
    public record Outcome(double[][] advantages, double[][] returns, ControllerState controller, double[] aux, List<AuxTerms> terms,
                          boolean gateOpen, double shapedTokens) {
    }

    private AdvantageStage() {
    }

    /** {@code values}: the critic's V[i][t] under ppo-gae, empty otherwise. */
    public static Outcome run(TrainerConfig config, List<Rollout> rollouts, double[] scores, ControllerState state,
                              java.util.Optional<double[][]> values) {
        int b = rollouts.size(), t = 0, n = config.rollout().n();
        for (Rollout r : rollouts) t = Math.max(t, r.length());
        double[][] rewards = new double[b][t];
        boolean[][] mask = new boolean[b][t];
        double[][] entropy = new double[b][t];
        int[] groups = new int[b];
        for (int i = 0; i < b; i++) {
            Rollout r = rollouts.get(i);
            if (r.length() == 0) throw new IllegalStateException("response " + r.promptId() + "/" + r.sample() + " has no tokens");
            for (int k = 0; k < r.length(); k++) {
                mask[i][k] = true;
                entropy[i][k] = r.entropies()[k];
            }
            rewards[i][r.length() - 1] = scores[i];                              // outcome reward at the last token
            groups[i] = i / n;                                                   // the GRPO group: its prompt
        }
        double[][] v = null;
        if (values.isPresent()) {
            v = new double[b][t];
            for (int i = 0; i < b; i++) System.arraycopy(values.get()[i], 0, v[i], 0, rollouts.get(i).length());
        }
        TokenBatch batch = new TokenBatch(rewards, mask, groups, v);
        AdvantageEstimator estimator = config.algorithm().estimator();
        return switch (config.aux()) {
            case NONE -> {
                Advantages a = estimator.estimate(batch);
                yield new Outcome(trim(a.advantages(), rollouts), trim(a.returns(), rollouts), state, new double[b], List.of(), false, 0);
            }
            case ENTROPY_ADV -> {
                Advantages est = estimator.estimate(batch);
                double[][] a0 = est.advantages();
                double[][] a = AdvantageShaping.shape(a0, mask, new EntropyBonus(entropy, config.entropyBeta()),
                        config.verl().kappa());
                yield new Outcome(trim(a, rollouts), trim(est.returns(), rollouts), state, new double[b], List.of(), false,
                        changed(a0, a, mask));
            }
            case VERL -> {
                List<RankIndicators> x = new ArrayList<>(b);
                for (Rollout r : rollouts) x.add(RankIndicators.of(r.metrics()));
                ControllerStep step = VerlController.step(state, config.verl(), x, scores, VerlController.Phase.TRAINING);
                AdvantageShaping.Shaped shaped = AdvantageShaping.verl(batch, estimator, step.aux(), config.verl());
                Advantages a = shaped.a();
                yield new Outcome(trim(a.advantages(), rollouts), trim(a.returns(), rollouts), step.next(), step.aux(),
                        step.terms(), step.applied(), changed(shaped.a0().advantages(), a.advantages(), mask));
            }
        };
    }

    /** Each row cut to its response's length. */
    private static double[][] trim(double[][] a, List<Rollout> rollouts) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = java.util.Arrays.copyOf(a[i], rollouts.get(i).length());
        return out;
    }

    private static double changed(double[][] a0, double[][] a, boolean[][] mask) {
        int valid = 0, diff = 0;
        for (int i = 0; i < a.length; i++)
            for (int t = 0; t < a[i].length; t++)
                if (mask[i][t]) {
                    valid++;
                    if (a[i][t] != a0[i][t]) diff++;
                }
        return (double) diff / valid;
    }
}
