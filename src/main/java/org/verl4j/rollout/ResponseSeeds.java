package org.verl4j.rollout;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * One random stream per response, derived from the run's seed, the prompt id and the sample index alone — never
 * from the batch a response happens to run in or the thread count:
 * <pre>
 *   h = FNV-1a-64(UTF-8(prompt id))
 *   stream = SplittableRandom(mix64(mix64(seed ⊕ h) + sample))        mix64 = SplitMix64's finaliser
 * </pre>
 * Each sampled token consumes exactly one {@code nextDouble()} (greedy consumes none).
 */
public final class ResponseSeeds {

    private ResponseSeeds() {
    }

    /** The stream of response ({@code promptId}, {@code sample}) under {@code seed}. */
    public static SplittableRandom stream(long seed, String promptId, int sample) {
        long h = 0xcbf29ce484222325L;                                          // FNV-1a offset basis
        for (byte b : promptId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;                                               // FNV prime
        }
        return new SplittableRandom(mix64(mix64(seed ^ h) + sample));
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
