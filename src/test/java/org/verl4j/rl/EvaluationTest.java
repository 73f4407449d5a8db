package org.verl4j.rl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Task reward table and evaluation metrics (ALGORITHM.md §8–§9). */
class EvaluationTest {

    @Test
    void independentRewardTable() {
        assertThat(TaskReward.INDEPENDENT.score(true, true)).isEqualTo(1.0);
        assertThat(TaskReward.INDEPENDENT.score(true, false)).isEqualTo(0.5);
        assertThat(TaskReward.INDEPENDENT.score(false, true)).isEqualTo(-0.5);
        assertThat(TaskReward.INDEPENDENT.score(false, false)).isEqualTo(-1.0);
        assertThat(TaskReward.BINARY.score(true, false)).isEqualTo(1.0);
        assertThat(TaskReward.BINARY.score(false, true)).isEqualTo(0.0);
    }

    @Test
    void passAtKHandValues() {
        assertThat(PassAtK.passAtK(4, 1, 2)).isCloseTo(0.5, within(1e-15));          // 1 − C(3,2)/C(4,2) = 1 − 3/6
        assertThat(PassAtK.passAtK(16, 2, 4)).isCloseTo(1 - 1001.0 / 1820, within(1e-15));  // C(14,4)/C(16,4)
        assertThat(PassAtK.meanAtN(16, 2)).isEqualTo(0.125);
        assertThatThrownBy(() -> PassAtK.passAtK(4, 1, 5)).hasMessageContaining("1 ≤ k ≤ n");
        assertThatThrownBy(() -> PassAtK.passAtK(4, 5, 1)).hasMessageContaining("c (correct samples)");
    }

    @Test
    void majorityVoteBreaksTiesByFirstAppearanceAndIgnoresMissingAnswers() {
        var s = List.of(new MajorityVote.Sample(null, false), new MajorityVote.Sample("7", false),
                new MajorityVote.Sample("5", true), new MajorityVote.Sample("5", true), new MajorityVote.Sample("7", false));
        assertThat(MajorityVote.winner(s).answer()).isEqualTo("7");                   // 2–2 tie: "7" came first
        assertThat(MajorityVote.majAtN(s)).isZero();
        var t = List.of(new MajorityVote.Sample("5", true), new MajorityVote.Sample("7", false), new MajorityVote.Sample("5", true));
        assertThat(MajorityVote.majAtN(t)).isEqualTo(1.0);
        assertThat(MajorityVote.majAtN(List.of(new MajorityVote.Sample(null, false)))).isZero();
    }
}
