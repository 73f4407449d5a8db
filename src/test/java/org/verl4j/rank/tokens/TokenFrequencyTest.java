package org.verl4j.rank.tokens;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Unigram entropy and top-k confidence (ALGORITHM.md §5) on hand-computed responses. */
class TokenFrequencyTest {

    @Test
    void unigramEntropyOfAHalfAndTwoQuartersIsOneAndAHalfLnTwo() {
        // p̂ = (1/2, 1/4, 1/4): H = ½ ln 2 + 2·¼ ln 4 = 1.5 ln 2
        assertThat(TokenFrequency.entropy(new int[]{1, 1, 2, 3})).isCloseTo(1.5 * Math.log(2), within(1e-15));
    }

    @Test
    void unigramEntropyOfDistinctTokensIsLnT() {
        assertThat(TokenFrequency.entropy(new int[]{5, 9, 2, 7, 11})).isCloseTo(Math.log(5), within(1e-15));
    }

    @Test
    void aResponseRepeatingOneTokenHasZeroEntropyAndZeroConfidence() {
        assertThat(TokenFrequency.entropy(new int[]{7, 7, 7})).isZero();
        assertThat(TokenFrequency.confidence(new int[]{7, 7, 7})).isZero();
    }

    @Test
    void confidenceAveragesOverFewerThanKDistinctTokens() {
        // 3 distinct ids < k = 5, so k' = 3: −(ln ½ + ln ¼ + ln ¼)/3 = 5 ln 2 / 3
        assertThat(TokenFrequency.confidence(new int[]{1, 1, 2, 3})).isCloseTo(5 * Math.log(2) / 3, within(1e-15));
        assertThat(TokenFrequency.confidence(new int[]{1, 1, 2, 3}, 1)).isCloseTo(Math.log(2), within(1e-15));
    }

    @Test
    void confidenceUsesTheFiveMostFrequentTokens() {
        // counts 3, 2, 1, 1, 1, 1, 1 of T = 10: top five p̂ = .3, .2, .1, .1, .1 (which of the tied ids is irrelevant)
        int[] tokens = {4, 1, 4, 2, 3, 4, 2, 5, 6, 7};
        double expected = -(Math.log(0.3) + Math.log(0.2) + 3 * Math.log(0.1)) / 5;
        assertThat(TokenFrequency.confidence(tokens)).isCloseTo(expected, within(1e-14));
    }

    @Test
    void emptyResponsesAndBadKAreRejected() {
        assertThatThrownBy(() -> TokenFrequency.entropy(new int[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty response");
        assertThatThrownBy(() -> TokenFrequency.confidence(new int[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenFrequency.confidence(new int[]{1}, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k ≥ 1");
    }
}
