package org.verl4j.rl;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reference gradients against central finite differences of the losses themselves (h = 1e-6). A token
 * whose own inputs sit within 1e-4 of a kink (clip bounds, ties, the dual-clip cap) has no unique derivative
 * and is skipped; perturbing one token moves only its own loss term, so the others are still checked. 600 tries
 * each (every aggregation × KL estimator pair about 50 times) cost about a second.
 */
class GradientProperties {

    static final double H = 1e-6;

    @Provide
    Arbitrary<LossProperties.Inputs> inputs() {
        return new LossProperties().inputs().withoutEdgeCases();          // edge values (0, bounds) sit on kinks
    }

    interface Loss {
        double at(double[][] x);
    }

    interface Kink {
        boolean near(int i, int t);
    }

    static void checkAgainstFiniteDifferences(Loss loss, double[][] x, double[][] grad, boolean[][] mask, Kink kink) {
        for (int i = 0; i < x.length; i++)
            for (int t = 0; t < x[i].length; t++) {
                if (mask[i][t] && kink.near(i, t)) continue;
                double keep = x[i][t];
                x[i][t] = keep + H;
                double up = loss.at(x);
                x[i][t] = keep - H;
                double down = loss.at(x);
                x[i][t] = keep;
                double fd = (up - down) / (2 * H);
                assertThat(grad[i][t]).as("[" + i + "][" + t + "]").isCloseTo(mask[i][t] ? fd : 0, within(1e-7));
            }
    }

    @Property(tries = 600)
    void actorGradientMatchesFiniteDifferences(@ForAll("inputs") LossProperties.Inputs in, @ForAll LossAggregation agg,
                                               @ForAll KlEstimator kl) {
        PolicyLoss pg = new PolicyLoss(0.2, 0.28, 3, agg);
        Kink kink = (i, t) -> {
            double a = in.adv()[i][t], rho = Math.exp(in.logp()[i][t] - in.old()[i][t]);
            return Math.abs(rho - 0.8) < 1e-4 || Math.abs(rho - 1.28) < 1e-4             // clip bounds
                    || Math.abs(a) < 1e-4 || Math.abs(rho - 3) < 1e-4                      // ties, dual cap
                    || Math.abs(in.logp()[i][t] - in.ref()[i][t]) < 1e-4;                  // |d| of ABS
        };
        ActorLoss actor = new ActorLoss(pg, 0.0, 0.5, kl);
        double[][] grad = actor.gradLogProb(in.logp(), in.old(), in.ref(), in.adv(), in.mask());
        checkAgainstFiniteDifferences(x -> actor.compute(x, in.old(), in.ref(), in.adv(), in.entropy(), in.mask()).loss(),
                in.logp(), grad, in.mask(), kink);
    }

    @Property(tries = 600)
    void valueGradientMatchesFiniteDifferences(@ForAll("inputs") LossProperties.Inputs in, @ForAll LossAggregation agg) {
        ValueLoss loss = new ValueLoss(0.5, agg);
        double[][] v = in.logp(), old = in.old(), r = in.ref();
        Kink kink = (i, t) -> {
            double lo = old[i][t] - 0.5, hi = old[i][t] + 0.5, vc = Math.max(lo, Math.min(hi, v[i][t]));
            double l1 = (v[i][t] - r[i][t]) * (v[i][t] - r[i][t]), l2 = (vc - r[i][t]) * (vc - r[i][t]);
            return Math.abs(v[i][t] - lo) < 1e-4 || Math.abs(v[i][t] - hi) < 1e-4            // clip bounds
                    || (vc != v[i][t] && Math.abs(l1 - l2) < 1e-4);                          // max(ℓ1, ℓ2) tie
        };
        double[][] grad = loss.gradValues(v, old, r, in.mask());
        checkAgainstFiniteDifferences(x -> loss.compute(x, old, r, in.mask()).loss(), v, grad, in.mask(), kink);
    }
}
