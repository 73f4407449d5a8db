package org.verl4j.grader;

import org.verl4j.grader.symbolic.Deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Grades many items in parallel, each under its own deadline (spec §9: "a timeout is wrong and is counted
 * separately — never silently").
 *
 * <pre>
 * item i starts at tᵢ;  the grader checks Deadline(tᵢ + timeout) in every parser/evaluator loop  → timeout verdict
 * backstop: at tᵢ + timeout + grace the worker is interrupted and the item is graded a timeout
 * </pre>
 *
 * Verdicts come back in input order. Worker threads are daemons, so even a worker stuck in code that never
 * checks its deadline cannot keep the program alive. Owns its thread pool: close it.
 */
public final class GradingExecutor implements AutoCloseable {

    private static final long POLL_MILLIS = 20;

    private final ItemGrader grader;
    private final long timeoutMillis;
    private final long graceMillis;
    private final ExecutorService pool;

    /**
     * @param threads       worker threads (≥ 1)
     * @param timeoutMillis per-item deadline in milliseconds (≥ 1)
     */
    public GradingExecutor(ItemGrader grader, int threads, long timeoutMillis) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        if (timeoutMillis < 1) throw new IllegalArgumentException("timeout must be at least 1 ms, got " + timeoutMillis);
        this.grader = grader;
        this.timeoutMillis = timeoutMillis;
        this.graceMillis = Math.max(timeoutMillis / 2, 500);
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "verl4j-grader");
            t.setDaemon(true);
            return t;
        });
    }

    /** The verdicts of {@code items}, in order. */
    public List<Verdict> gradeAll(List<GradingItem> items) {
        AtomicLongArray started = new AtomicLongArray(items.size());
        List<Future<Verdict>> futures = new ArrayList<>(items.size());
        for (int k = 0; k < items.size(); k++) {
            int index = k;
            GradingItem item = items.get(k);
            futures.add(pool.submit(() -> {
                started.set(index, System.nanoTime());
                return grader.grade(item, Deadline.in(timeoutMillis));
            }));
        }
        List<Verdict> verdicts = new ArrayList<>(items.size());
        for (int k = 0; k < items.size(); k++) verdicts.add(await(futures.get(k), started, k));
        return verdicts;
    }

    private Verdict await(Future<Verdict> future, AtomicLongArray started, int index) {
        while (true) {
            long start = started.get(index);
            long waitMillis = start == 0 ? POLL_MILLIS
                    : timeoutMillis + graceMillis - (System.nanoTime() - start) / 1_000_000L;
            try {
                if (start != 0 && waitMillis <= 0) throw new TimeoutException();
                return future.get(Math.max(waitMillis, 1), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (start != 0 && (System.nanoTime() - start) / 1_000_000L >= timeoutMillis + graceMillis) {
                    future.cancel(true);
                    return Verdict.timeout("", false);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                throw new IllegalStateException("grading interrupted at item " + index, e);
            } catch (CancellationException e) {
                return Verdict.timeout("", false);
            } catch (ExecutionException e) {
                throw new IllegalStateException("grading item " + index + " failed: " + e.getCause(), e.getCause());
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
