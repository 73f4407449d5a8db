package org.verl4j.rollout;

/** Told after every decode step of a {@link RolloutEngine#generate} call (on the calling thread). */
@FunctionalInterface
public interface Progress {

    Progress NONE = (finished, total, tokens) -> { };

    /**
     * @param finished responses that have ended
     * @param total    responses of the call
     * @param tokens   response tokens sampled so far
     */
    void update(int finished, int total, long tokens);
}
