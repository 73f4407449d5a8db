package org.verl4j.shaping;

/**
 * The aux signal of one response with every intermediate of ALGORITHM.md §6 (what the authors log).
 *
 * @param deviation dev(x_k, m_k) for k = ERA, ERV, ER (clamped to ±5)
 * @param lambda    λ (PlanB: sigmoid(g·dev_ERA); FixTwo: 0.5; FixOne has none and reports 0, as the authors' log)
 * @param weights   w = the per-response channel weights
 * @param terms     tanh(dev_k)·w_k (before P)
 * @param scaling   P
 * @param aux       P · Σ_k terms_k
 */
public record AuxTerms(RankIndicators deviation, double lambda, ChannelWeights weights, ChannelWeights terms,
                       double scaling, double aux) {
}
