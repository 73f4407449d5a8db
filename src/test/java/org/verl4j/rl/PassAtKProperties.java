package org.verl4j.rl;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** pass@k (ALGORITHM.md §9) against an exact BigInteger evaluation of 1 − C(n−c, k)/C(n, k). */
class PassAtKProperties {

    static BigInteger choose(int n, int k) {
        if (k < 0 || k > n) return BigInteger.ZERO;
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        return r;
    }

    static double exact(int n, int c, int k) {
        BigDecimal ratio = new BigDecimal(choose(n - c, k)).divide(new BigDecimal(choose(n, k)), MathContext.DECIMAL128);
        return BigDecimal.ONE.subtract(ratio).doubleValue();
    }

    @Property(tries = 500)
    void productFormEqualsTheBinomialDefinition(@ForAll @IntRange(min = 1, max = 300) int n,
                                                @ForAll @IntRange(min = 0, max = 300) int c,
                                                @ForAll @IntRange(min = 1, max = 300) int k) {
        int cc = c % (n + 1), kk = 1 + (k - 1) % n;
        assertThat(PassAtK.passAtK(n, cc, kk)).isCloseTo(exact(n, cc, kk), within(1e-12));
    }

    @Property(tries = 200)
    void passAtOneIsMeanAtN(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll @IntRange(min = 0, max = 300) int c) {
        int cc = c % (n + 1);
        assertThat(PassAtK.passAtK(n, cc, 1)).isCloseTo(PassAtK.meanAtN(n, cc), within(1e-14));
    }

    @Property(tries = 200)
    void passAtKIsExactlyOneWhenFewerThanKSamplesAreWrong(@ForAll @IntRange(min = 1, max = 300) int n,
                                                          @ForAll @IntRange(min = 1, max = 300) int k) {
        int kk = 1 + (k - 1) % n;
        assertThat(PassAtK.passAtK(n, n - kk + 1, kk)).isEqualTo(1.0);
        assertThat(PassAtK.passAtK(n, 0, kk)).isEqualTo(0.0);
    }
}
