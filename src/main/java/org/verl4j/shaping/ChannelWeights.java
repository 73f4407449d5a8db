package org.verl4j.shaping;

/**
 * Weights of the three channels [ERA, ERV, ER] in the aux sum (ALGORITHM.md §6).
 *
 * @param era weight of tanh(dev_ERA)
 * @param erv weight of tanh(dev_ERV)
 * @param er  weight of tanh(dev_ER)
 */
public record ChannelWeights(double era, double erv, double er) {

    /** w_explore = [0, 0, 1]: the ER channel. */
    public static final ChannelWeights EXPLORE = new ChannelWeights(0, 0, 1);
    /** w_exploit = [0, 1, 0]: the ERV channel. */
    public static final ChannelWeights EXPLOIT = new ChannelWeights(0, 1, 0);

    public ChannelWeights {
        if (!Double.isFinite(era) || !Double.isFinite(erv) || !Double.isFinite(er))
            throw new IllegalArgumentException("channel weights must be finite, got [" + era + ", " + erv + ", " + er + "]");
    }

    /** w_k for k = 0 (ERA), 1 (ERV), 2 (ER). */
    public double get(int k) {
        return switch (k) {
            case 0 -> era;
            case 1 -> erv;
            case 2 -> er;
            default -> throw new IllegalArgumentException("channel index must be 0, 1 or 2, got " + k);
        };
    }

    /** λ·explore + (1 − λ)·exploit. */
    public static ChannelWeights interpolate(double lambda, ChannelWeights explore, ChannelWeights exploit) {
        return new ChannelWeights(lambda * explore.era + (1 - lambda) * exploit.era,
                lambda * explore.erv + (1 - lambda) * exploit.erv,
                lambda * explore.er + (1 - lambda) * exploit.er);
    }

    /** explore + exploit (FixOne). */
    public static ChannelWeights sum(ChannelWeights explore, ChannelWeights exploit) {
        return new ChannelWeights(explore.era + exploit.era, explore.erv + exploit.erv, explore.er + exploit.er);
    }
}
