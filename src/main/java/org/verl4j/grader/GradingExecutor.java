package org.verl4j.grader;

import org.verl4j.grader.symbolic.Deadline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Grades many items in parallel, each under its own deadline (ALGORITHM.md §9: "a timeout is wrong and is counted
 * separately — never silently"), with the whole run's time bounded.
 *
 * <pre>
 * at most w = min(threads, processors) items run at once (slots); item i starts on a slot at tᵢ
 * the grader checks Deadline(tᵢ + timeout) in every parser/evaluator loop           → timeout verdict
 * backstop: at tᵢ + timeout the item is graded a timeout, its worker interrupted and
 *           abandoned, and the slot goes to the next item on a fresh thread          (a stuck worker is replaced)
 * ⇒ each slot spends ≤ timeout per item, so a run of n items takes ≤ ⌈n / w⌉ · timeout ≤ (n / w + 1) · timeout
 *   (plus scheduling overhead); time an item waits for a slot never counts against its deadline
 * </pre>
 *
 * The cap at the number of processors keeps oversubscription from turning into wrong verdicts: with more
 * workers than cores, items would spend their deadline waiting for a core. Verdicts come back in input order.
 * Worker threads are daemons, so a worker stuck in code that never checks its deadline cannot keep the program
 * alive. Owns its threads: close it.
 */
public final class GradingExecutor implements AutoCloseable {

    private final ItemGrader grader;
    private final long timeoutNanos;
    private final int slots;
    private final ExecutorService threads;

    /**
     * @param threads       worker threads wanted (≥ 1); more than {@link #maxThreads()} are capped
     * @param timeoutMillis per-item deadline in milliseconds (≥ 1)
     */
    public GradingExecutor(ItemGrader grader, int threads, long timeoutMillis) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        if (timeoutMillis < 1) throw new IllegalArgumentException("timeout must be at least 1 ms, got " + timeoutMillis);
        this.grader = grader;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.slots = Math.min(threads, maxThreads());
        AtomicLong count = new AtomicLong();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread t = new Thread(runnable, "verl4j-grader-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The most workers that run at once: the number of processors the JVM sees. */
    public static int maxThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Workers actually used (the request capped at {@link #maxThreads()}). */
    public int threads() {
        return slots;
    }

    /** The verdicts of {@code items}, in order. */
    public List<Verdict> gradeAll(List<GradingItem> items) {
        int n = items.size();
        Verdict[] verdicts = new Verdict[n];
        LinkedBlockingQueue<Finished> done = new LinkedBlockingQueue<>();
        List<Running> running = new ArrayList<>(slots);
        int next = 0;
        int finished = 0;
        try {
            while (finished < n) {
                while (running.size() < slots && next < n) running.add(start(next++, items, done));
                long now = System.nanoTime();
                long wait = Long.MAX_VALUE;
                for (Running r : running) wait = Math.min(wait, r.startNanos() + timeoutNanos - now);
                Finished f = done.poll(Math.max(wait, 0), TimeUnit.NANOSECONDS);
                if (f != null) {
                    int at = indexOf(running, f.index());
                    if (at >= 0) {                                      // else: its backstop already fired
                        running.remove(at);
                        verdicts[f.index()] = f.verdict();
                        finished++;
                    }
                    continue;
                }
                now = System.nanoTime();
                for (int k = running.size() - 1; k >= 0; k--) {
                    Running r = running.get(k);
                    if (now - r.startNanos() >= timeoutNanos) {       // backstop: the slot goes to the next item
                        r.future().cancel(true);
                        running.remove(k);
                        verdicts[r.index()] = Verdict.timeout("", false);
                        finished++;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (Running r : running) r.future().cancel(true);
            throw new IllegalStateException("grading interrupted with " + (n - finished) + " item(s) left", e);
        }
        return Arrays.asList(verdicts);
    }

    private Running start(int index, List<GradingItem> items, LinkedBlockingQueue<Finished> done) {
        long start = System.nanoTime();
        Deadline deadline = new Deadline(start + timeoutNanos);
        GradingItem item = items.get(index);
        Future<?> future = threads.submit(() -> {
            Verdict v;
            try {
                v = grader.grade(item, deadline);
            } catch (RuntimeException | StackOverflowError e) {
                v = new Verdict(false, "", MathGrader.ERROR_PREFIX + e, false, false);
            }
            done.add(new Finished(index, v));
        });
        return new Running(index, start, future);
    }

    private static int indexOf(List<Running> running, int index) {
        for (int k = 0; k < running.size(); k++) if (running.get(k).index() == index) return k;
        return -1;
    }

    private record Running(int index, long startNanos, Future<?> future) {
    }

    private record Finished(int index, Verdict verdict) {
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
