package org.verl4j.rollout;

/**
 * One sampled token and its per-token statistics.
 *
 * @param id              the token id
 * @param logProb         log π(id) at temperature 1
 * @param samplingLogProb log q(id) under the sampled distribution
 * @param entropy         H(π) at temperature 1 (nats)
 */
record TokenChoice(int id, float logProb, float samplingLogProb, float entropy) {
}
