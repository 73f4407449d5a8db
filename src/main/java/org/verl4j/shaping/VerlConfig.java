package org.verl4j.shaping;

/**
 * Every VERL setting (ALGORITHM.md §6–§7), its defaults stated once, in {@link #defaults()} (the authors' run).
 *
 * @param modulationGain g, the gain of the ERA meta-control sigmoid
 * @param emaAlpha       α ∈ (0, 1], EMA rate of the baselines m_k and the score EMA S̄
 * @param globalWeight   w_g, the aux scale P's base
 * @param scaling        how P follows from w_g (the authors' aux_fix)
 * @param hypothesis     PlanB / FixTwo / FixOne
 * @param explore        w_explore
 * @param exploit        w_exploit
 * @param kappa          κ &gt; 0 of the clip |A0|/κ (κ &gt; 1 keeps the sign of A)
 * @param placement      where the bonus enters the advantage
 * @param target         where aux enters: the advantage (add_adv), the reward (add_reward) or both
 * @param numerics       {@link Numerics#FLOAT64}, or a parity mode such as the authors' bf16 arithmetic
 */
public record VerlConfig(double modulationGain, double emaAlpha, double globalWeight, Scaling scaling,
                         Hypothesis hypothesis, ChannelWeights explore, ChannelWeights exploit, double kappa,
                         VerlBonus.Placement placement, Target target, Numerics numerics) {

    /**
     * The aux scale P of ALGORITHM.md §6.
     * <pre>
     * FIXED       P = w_g                       (aux_fix = true, the authors' runs)
     * SCORE_EMA   P = w_g · (1 − (S̄ + 1)/2)     (aux_fix = false)
     * </pre>
     */
    public enum Scaling {
        FIXED, SCORE_EMA
    }

    /**
     * Where aux enters (the authors' add_adv / add_reward switches), at least one of them: the gate of ALGORITHM.md §6 wants
     * add_reward OR add_adv, so under every target it opens once previous means exist. (The released reward manager
     * tests add_reward only, so with the released train.sh — add_reward false, add_adv true — VERL is a no-op there;
     * the authors' later code and this project use the OR.) The authors' "neither" is VERL turned off, which is the
     * caller's choice (the trainer's {@code aux.signal=none}), not a target.
     * <pre>
     * ADVANTAGE              A = A0 + min(relu(b), |A0|/κ)           add_adv
     * REWARD                 r' = r + aux at the last valid token     add_reward
     * REWARD_AND_ADVANTAGE   both                                     add_reward and add_adv
     * </pre>
     */
    public enum Target {
        ADVANTAGE, REWARD, REWARD_AND_ADVANTAGE;

        /** add_adv. */
        public boolean shapesAdvantage() {
            return this == ADVANTAGE || this == REWARD_AND_ADVANTAGE;
        }

        /** add_reward. */
        public boolean shapesReward() {
            return this == REWARD || this == REWARD_AND_ADVANTAGE;
        }
    }

    public VerlConfig {
        if (!Double.isFinite(modulationGain)) throw new IllegalArgumentException("modulation gain g must be finite, got " + modulationGain);
        if (!(emaAlpha > 0 && emaAlpha <= 1)) throw new IllegalArgumentException("EMA α must be in (0, 1], got " + emaAlpha);
        if (!Double.isFinite(globalWeight)) throw new IllegalArgumentException("global weight w_g must be finite, got " + globalWeight);
        if (!(kappa > 0) || !Double.isFinite(kappa)) throw new IllegalArgumentException("κ must be finite and > 0, got " + kappa);
        if (scaling == null || hypothesis == null || explore == null || exploit == null || placement == null
                || target == null || numerics == null)
            throw new IllegalArgumentException("scaling, hypothesis, explore/exploit weights, placement, target and numerics are required");
    }

    /** The authors' run. */
    public static VerlConfig defaults() {
        return new VerlConfig(2.0, 0.3, 1.0, Scaling.FIXED, Hypothesis.PLAN_B, ChannelWeights.EXPLORE,
                ChannelWeights.EXPLOIT, 2.0, VerlBonus.Placement.LAST_TOKEN, Target.ADVANTAGE, Numerics.FLOAT64);
    }

    public VerlConfig withHypothesis(Hypothesis h) {
        return new VerlConfig(modulationGain, emaAlpha, globalWeight, scaling, h, explore, exploit, kappa, placement, target, numerics);
    }

    /** P from w_g as {@code s} says. */
    public VerlConfig withScaling(Scaling s, double wG) {
        return new VerlConfig(modulationGain, emaAlpha, wG, s, hypothesis, explore, exploit, kappa, placement, target, numerics);
    }

    public VerlConfig withKappa(double k) {
        return new VerlConfig(modulationGain, emaAlpha, globalWeight, scaling, hypothesis, explore, exploit, k, placement, target, numerics);
    }

    public VerlConfig withPlacement(VerlBonus.Placement p) {
        return new VerlConfig(modulationGain, emaAlpha, globalWeight, scaling, hypothesis, explore, exploit, kappa, p, target, numerics);
    }

    public VerlConfig withTarget(Target t) {
        return new VerlConfig(modulationGain, emaAlpha, globalWeight, scaling, hypothesis, explore, exploit, kappa, placement, t, numerics);
    }

    public VerlConfig withNumerics(Numerics n) {
        return new VerlConfig(modulationGain, emaAlpha, globalWeight, scaling, hypothesis, explore, exploit, kappa, placement, target, n);
    }
}
