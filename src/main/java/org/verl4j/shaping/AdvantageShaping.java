package org.verl4j.shaping;

import org.verl4j.rl.AdvantageEstimator;
import org.verl4j.rl.Advantages;
import org.verl4j.rl.TokenBatch;
import org.verl4j.rl.TokenMask;

/**
 * Advantage shaping (ALGORITHM.md §7) and the add_reward path.
 *
 * <pre>
 * A[i][t] = A0[i][t] + min(relu(b[i][t]), |A0[i][t]|/κ)       valid tokens; 0 at masked ones
 * </pre>
 * Properties: 0 ≤ A − A0 ≤ |A0|/κ; b ≤ 0 ⇒ A = A0; A0 = 0 ⇒ no bonus; κ &gt; 1 keeps the sign of A0.
 */
public final class AdvantageShaping {

    private AdvantageShaping() {
    }

    /** A from A0 and the slot's bonus. */
    public static double[][] shape(double[][] a0, boolean[][] mask, AuxSlot slot, double kappa) {
        TokenMask.check(mask);
        TokenMask.requireFinite(a0, mask, "advantages A0");
        if (!(kappa > 0) || !Double.isFinite(kappa)) throw new IllegalArgumentException("κ must be finite and > 0, got " + kappa);
        double[][] b = slot.rawBonus(mask);
        double[][] a = new double[a0.length][a0[0].length];
        for (int i = 0; i < a0.length; i++)
            for (int t = 0; t < a0[i].length; t++) {
                if (!mask[i][t]) continue;
                double bonus = Math.min(Math.max(b[i][t], 0.0), Math.abs(a0[i][t]) / kappa);   // min(relu(b), |A0|/κ)
                a[i][t] = a0[i][t] + bonus;
            }
        return a;
    }

    /** add_reward: r'[i][last valid] = r[i][last valid] + aux_i (a new array; other tokens unchanged). */
    public static double[][] addToReward(double[][] rewards, boolean[][] mask, double[] aux) {
        TokenMask.check(mask);
        TokenMask.requireFinite(rewards, mask, "rewards");
        if (aux.length != mask.length) throw new IllegalArgumentException("add_reward: " + aux.length + " aux values for " + mask.length + " responses");
        double[][] out = new double[rewards.length][];
        for (int i = 0; i < rewards.length; i++) {
            out[i] = rewards[i].clone();
            out[i][TokenMask.lastValid(mask[i])] += aux[i];
        }
        return out;
    }

    /**
     * The VERL path's two advantages: A0, the estimator's (of the rewards after add_reward), and A, A0 after the
     * bonus (A0 itself when the target does not shape the advantage).
     *
     * @param a0 estimator(r')
     * @param a  the shaped advantages, with returns as {@link Advantages#withAdvantages} says
     */
    public record Shaped(Advantages a0, Advantages a) {
    }

    /**
     * The whole VERL path of one training batch, the estimator run once:
     * <pre>
     * r' = add_reward ? r + aux (last token) : r
     * A0 = estimator(r')
     * A  = add_adv ? shape(A0, VerlBonus(aux, placement), κ) : A0
     * </pre>
     * Returns follow the estimator: an outcome estimator's returns are its (now shaped) advantages; GAE's and
     * REINFORCE++'s returns are not shaped.
     */
    public static Shaped verl(TokenBatch batch, AdvantageEstimator estimator, double[] aux, VerlConfig config) {
        TokenBatch b = config.target().shapesReward()
                ? new TokenBatch(addToReward(batch.rewards(), batch.mask(), aux), batch.mask(), batch.groupIds(), batch.values())
                : batch;
        Advantages a0 = estimator.estimate(b);
        if (!config.target().shapesAdvantage()) return new Shaped(a0, a0);
        return new Shaped(a0, a0.withAdvantages(shape(a0.advantages(), batch.mask(), new VerlBonus(aux, config.placement()),
                config.kappa())));
    }
}
