package org.verl4j.tasks;

import org.verl4j.grader.Verdict;

/**
 * How a verdict becomes a scalar task reward (spec §8).
 *
 * <pre>
 * INDEPENDENT:  correct ∧ boxed  → +1        BINARY:  correct → 1
 *               correct ∧ ¬boxed → +0.5               wrong   → 0
 *               ¬correct ∧ boxed → −0.5
 *               ¬correct ∧ ¬boxed → −1
 * </pre>
 *
 * A timed-out verdict is wrong ({@link Verdict} forbids correct ∧ timedOut), so it scores −0.5/−1 or 0.
 * The RL side ({@code org.verl4j.rl}) may hold its own copy of this table; this one serves the task verifiers.
 */
public enum RewardShape {
    /** The authors' default: correctness and format rewarded independently. */
    INDEPENDENT,
    /** 1 for a correct answer, 0 otherwise; format ignored. */
    BINARY;

    /** The scalar reward of one verdict. */
    public double reward(Verdict verdict) {
        return switch (this) {
            case INDEPENDENT -> verdict.correct()
                    ? (verdict.boxed() ? 1.0 : 0.5)
                    : (verdict.boxed() ? -0.5 : -1.0);
            case BINARY -> verdict.correct() ? 1.0 : 0.0;
        };
    }
}
