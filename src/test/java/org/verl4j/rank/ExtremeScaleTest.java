package org.verl4j.rank;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * ALGORITHM.md §11 P5 at the ends of the double range, on the definition and on the fast path: hidden states around
 * 1e-300 (squares underflow to 0) and 1e+200 (squares overflow) must give the singular values of the same data at
 * scale 1, times c. Both paths scale by a power of two before anything is squared.
 *
 * <p>What P5 then says about ER follows from §2's absolute ε (p_i = σ_i/(Σσ + ε), EpsilonConventionTest):
 * <ul>
 * <li>c = 1e200: Σσ ≫ ε on both sides, ER(cZ) = ER(Z) up to ε's own effect at scale 1,
 *     |ΔH| ≤ (ln(1/ε) + 1)·ε/Σσ(Z) (∂H/∂S' bound of {@code CentredSpectrum}'s javadoc), plus rounding;</li>
 * <li>c = 1e-300: Σσ ≈ 1e-298 ≪ ε, so every p_i ≈ 1e-290 and the definition's ER is 1 (not ER(Z)): pinned as
 *     the definition's value, fromSingularValues(c·σ(Z)). The traditional rank, which has no ε, stays rank(Z)
 *     (it was 0 while the squares underflowed).</li>
 * </ul>
 */
class ExtremeScaleTest {

    static final long SEED = 7;

    /** 64 Gaussian rows of d = 8 (seed {@link #SEED}), times c: ER ≈ 7.85 at c = 1. */
    static HiddenStates gaussian(double c) {
        Random random = new Random(SEED);
        double[] x = new double[64 * 8];
        for (int i = 0; i < x.length; i++) x[i] = c * random.nextGaussian();
        return new HiddenStates(64, 8, x);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SpectrumMethod.class)
    void singularValuesScaleWithTheDataAtBothEndsOfTheDoubleRange(SpectrumMethod method) {
        Assumptions.assumeTrue(method.available(), method + " needs --add-modules jdk.incubator.vector");
        HiddenStates z = gaussian(1);
        double[] sigma = SvdRank.singularValues(z, 0, z.rows());
        double sum = 0;
        for (double s : sigma) sum += s;
        RankOptions options = new RankOptions(8, 512, Truncation.TAIL, method);
        RankDynamics atOne = ResponseRank.measure(z, options);
        for (double c : new double[]{1e-300, 1e200}) {
            double[] scaledSigma = sigma.clone();
            for (int i = 0; i < sigma.length; i++) scaledSigma[i] *= c;
            RankDynamics scaled = ResponseRank.measure(gaussian(c), options);
            assertThat(scaled.traditionalRank()).as("rank at c = %s", c).isEqualTo(atOne.traditionalRank()).isEqualTo(8);
            // c·Z is rounded entry by entry (relative 2^-53), σ of the rounded matrix within ≈ 1e-15·σ_max
            assertThat(scaled.er()).as("ER at c = %s: the definition on c·σ(Z)", c)
                    .isCloseTo(EffectiveRank.fromSingularValues(scaledSigma), within(1e-12));
        }
        double epsilonEffect = (Math.log(1 / EffectiveRank.EPSILON) + 1) * EffectiveRank.EPSILON / sum;
        assertThat(atOne.er()).isCloseTo(7.85, within(0.01));
        assertThat(ResponseRank.measure(gaussian(1e200), options).er()).as("P5: ER(1e200·Z) = ER(Z)")
                .isCloseTo(atOne.er(), within(atOne.er() * (epsilonEffect + 1e-13)));
        assertThat(ResponseRank.measure(gaussian(1e-300), options).er()).as("ER(1e-300·Z): ε dominates").isEqualTo(1.0);
    }
}
