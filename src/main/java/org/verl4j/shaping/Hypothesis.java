package org.verl4j.shaping;

/**
 * How the channel weights are chosen per response (ALGORITHM.md §6; the authors' {@code hypothesis_type}).
 *
 * <pre>
 * PLAN_B   λ = sigmoid(g · dev(x_ERA, m_ERA)),  w = λ·w_explore + (1 − λ)·w_exploit     (the method)
 * FIX_TWO  λ = 0.5,                             w = λ·w_explore + (1 − λ)·w_exploit
 * FIX_ONE  no λ,                                w = w_explore + w_exploit
 * </pre>
 */
public enum Hypothesis {
    PLAN_B, FIX_TWO, FIX_ONE
}
