package org.verl4j.shaping;

/**
 * Every VERL setting with its default in one place (spec §6–§7; defaults = the authors' run).
 *
 * <pre>
 * g = 2.0   α = 0.3   w_g = 1.0   aux_fix = true   PlanB   w_explore = [0,0,1]   w_exploit = [0,1,0]
 * κ = 2     placement LAST_TOKEN   add_adv = true   add_reward = false   FLOAT64
 * </pre>
 *
 * @param modulationGain g, the gain of the ERA meta-control sigmoid
 * @param emaAlpha       α ∈ (0, 1], EMA rate of the baselines m_k and the score EMA S̄
 * @param globalWeight   w_g, the aux scale P's base
 * @param auxFix         true: P = w_g; false: P = w_g·(1 − (S̄ + 1)/2)
 * @param hypothesis     PlanB / FixTwo / FixOne
 * @param explore        w_explore
 * @param exploit        w_exploit
 * @param kappa          κ &gt; 0 of the clip |A0|/κ (κ &gt; 1 keeps the sign of A)
 * @param placement      where the bonus enters the advantage
 * @param addAdv         shape the advantage A = A0 + min(relu(aux), |A0|/κ)
 * @param addReward      add aux to the scalar reward before the estimator
 * @param numerics       FLOAT64, or AUTHORS_BF16 for bit-level parity with the authors' code
 */
public record VerlConfig(double modulationGain, double emaAlpha, double globalWeight, boolean auxFix,
                         Hypothesis hypothesis, ChannelWeights explore, ChannelWeights exploit, double kappa,
                         Placement placement, boolean addAdv, boolean addReward, Numerics numerics) {

    public VerlConfig {
        if (!Double.isFinite(modulationGain)) throw new IllegalArgumentException("modulation gain g must be finite, got " + modulationGain);
        if (!(emaAlpha > 0 && emaAlpha <= 1)) throw new IllegalArgumentException("EMA α must be in (0, 1], got " + emaAlpha);
        if (!Double.isFinite(globalWeight)) throw new IllegalArgumentException("global weight w_g must be finite, got " + globalWeight);
        if (!(kappa > 0) || !Double.isFinite(kappa)) throw new IllegalArgumentException("κ must be finite and > 0, got " + kappa);
        if (hypothesis == null || explore == null || exploit == null || placement == null || numerics == null)
            throw new IllegalArgumentException("hypothesis, explore/exploit weights, placement and numerics are required");
    }

    /** The authors' run. */
    public static VerlConfig defaults() {
        return new VerlConfig(2.0, 0.3, 1.0, true, Hypothesis.PLAN_B, ChannelWeights.EXPLORE, ChannelWeights.EXPLOIT,
                2.0, Placement.LAST_TOKEN, true, false, Numerics.FLOAT64);
    }

    /**
     * The gate of spec §6: aux is wanted when add_reward OR add_adv. (The released reward manager tests
     * add_reward only, so with the released train.sh — add_reward false, add_adv true — VERL is a no-op there;
     * the authors' later code and this project use the OR.)
     */
    public boolean gate() {
        return addReward || addAdv;
    }

    public VerlConfig withHypothesis(Hypothesis h) {
        return new VerlConfig(modulationGain, emaAlpha, globalWeight, auxFix, h, explore, exploit, kappa, placement, addAdv, addReward, numerics);
    }

    public VerlConfig withScaling(boolean fixed, double wG) {
        return new VerlConfig(modulationGain, emaAlpha, wG, fixed, hypothesis, explore, exploit, kappa, placement, addAdv, addReward, numerics);
    }

    public VerlConfig withKappa(double k) {
        return new VerlConfig(modulationGain, emaAlpha, globalWeight, auxFix, hypothesis, explore, exploit, k, placement, addAdv, addReward, numerics);
    }

    public VerlConfig withPlacement(Placement p) {
        return new VerlConfig(modulationGain, emaAlpha, globalWeight, auxFix, hypothesis, explore, exploit, kappa, p, addAdv, addReward, numerics);
    }

    public VerlConfig withGate(boolean shapeAdvantage, boolean shapeReward) {
        return new VerlConfig(modulationGain, emaAlpha, globalWeight, auxFix, hypothesis, explore, exploit, kappa, placement, shapeAdvantage, shapeReward, numerics);
    }

    public VerlConfig withNumerics(Numerics n) {
        return new VerlConfig(modulationGain, emaAlpha, globalWeight, auxFix, hypothesis, explore, exploit, kappa, placement, addAdv, addReward, n);
    }
}
