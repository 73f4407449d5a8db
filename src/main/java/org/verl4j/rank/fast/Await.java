package org.verl4j.rank.fast;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting for a measurement task, shared by the window tasks of {@link PrefixSpectra} and the response tasks of
 * {@code rank.RankBatch}: a task's own exception is rethrown as it was (unchecked) or wrapped; an interrupt is kept.
 */
public final class Await {

    private Await() {
    }

    /** The value of the finished task. */
    public static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring effective rank", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }
}
