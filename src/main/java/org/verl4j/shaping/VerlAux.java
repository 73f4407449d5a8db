package org.verl4j.shaping;

/**
 * The auxiliary signal of one response in float64 (ALGORITHM.md §6).
 *
 * <pre>
 * dev(x, m) = clamp((x − m)/(|m| + ε), −5, 5)            ε = 1e-8 added to |m| (so m = 0 saturates unless x = 0)
 * λ         = sigmoid(g · dev(x_ERA, m_ERA))              PlanB; FixTwo 0.5
 * w         = λ·w_explore + (1 − λ)·w_exploit             FixOne: w_explore + w_exploit
 * aux       = P · Σ_k tanh(dev(x_k, m_k)) · w_k            summed in the order ERA, ERV, ER
 * P         = w_g                                         Scaling.FIXED (aux_fix)
 *           = w_g · (1 − (S̄ + 1)/2)                       Scaling.SCORE_EMA
 * </pre>
 */
public final class VerlAux {

    /** ε of the relative deviation. */
    public static final double EPSILON = 1e-8;
    /** The ±5 clamp of the relative deviation. */
    public static final double CLAMP = 5.0;

    private VerlAux() {
    }

    /** dev(x, m). */
    public static double deviation(double x, double m) {
        double d = (x - m) / (Math.abs(m) + EPSILON);
        return Math.max(-CLAMP, Math.min(CLAMP, d));
    }

    /** σ(z) = 1/(1 + e^{−z}). */
    public static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** P from the score EMA S̄. */
    public static double scaling(VerlConfig c, double scoreEma) {
        return switch (c.scaling()) {
            case FIXED -> c.globalWeight();                                  // P = w_g
            case SCORE_EMA -> {
                double normalised = (scoreEma + 1.0) / 2.0;                  // (S̄ + 1)/2 ∈ [0, 1] for scores in [−1, 1]
                yield c.globalWeight() * (1.0 - normalised);                 // P = w_g·(1 − (S̄ + 1)/2)
            }
        };
    }

    /** The aux of response x against baselines m with scale P. */
    public static AuxTerms of(RankIndicators x, RankIndicators m, double p, VerlConfig c) {
        RankIndicators dev = new RankIndicators(deviation(x.era(), m.era()), deviation(x.erv(), m.erv()),
                deviation(x.er(), m.er()));
        double lambda = switch (c.hypothesis()) {
            case PLAN_B -> sigmoid(c.modulationGain() * dev.era());   // λ
            case FIX_TWO -> 0.5;
            case FIX_ONE -> 0.0;                                       // no λ (reported as 0)
        };
        ChannelWeights w = c.hypothesis() == Hypothesis.FIX_ONE
                ? ChannelWeights.sum(c.explore(), c.exploit())
                : ChannelWeights.interpolate(lambda, c.explore(), c.exploit());
        ChannelWeights terms = new ChannelWeights(Math.tanh(dev.era()) * w.era(), Math.tanh(dev.erv()) * w.erv(),
                Math.tanh(dev.er()) * w.er());
        double sum = 0.0;
        sum += terms.era();
        sum += terms.erv();
        sum += terms.er();
        return new AuxTerms(dev, lambda, w, terms, p, sum * p);
    }
}
