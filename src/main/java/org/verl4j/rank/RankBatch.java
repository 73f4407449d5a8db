package org.verl4j.rank;

import org.verl4j.rank.fast.Await;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * ALGORITHM.md §2–§3 over many responses, in parallel. Responses are independent, so each is one task on a fixed pool of
 * worker threads (daemon threads, shut down before returning); results keep the input order. A batch of a single
 * response with {@code threads > 1} spreads that response's windows over the threads instead.
 *
 * <p>Memory: {@link #measureStream} keeps at most {@code 2·threads} responses (their hidden states and the
 * working matrices of their windows) in flight; {@link #measureAll} holds the caller's list anyway.
 *
 * <p>Speed: each response is measured by {@code options.method()} ({@link SpectrumMethod#DEFAULT}: the exact fast
 * path, on Vector-API kernels when the JVM runs with {@code --add-modules jdk.incubator.vector}).
 */
public final class RankBatch {

    private RankBatch() {
    }

    /** Measures every response, results in input order, on {@code threads} worker threads (≥ 1). */
    public static List<RankDynamics> measureAll(List<HiddenStates> responses, RankOptions options,
                                                WindowSeries series, int threads) {
        List<RankDynamics> out = new ArrayList<>(responses.size());
        measureStream(responses.iterator(), options, series, threads, out::add);
        return out;
    }

    /**
     * Streams: pulls responses lazily from the iterator, hands results to {@code sink} in input order; at most
     * about {@code 2·threads} responses in memory at once. The sink runs on the calling thread.
     */
    public static void measureStream(Iterator<HiddenStates> responses, RankOptions options, WindowSeries series,
                                     int threads, Consumer<RankDynamics> sink) {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        if (options == null) throw new IllegalArgumentException("options must not be null");
        if (threads == 1) {
            while (responses.hasNext()) sink.accept(ResponseRank.measure(next(responses), options, series, null));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            HiddenStates first = responses.hasNext() ? next(responses) : null;
            if (first != null && !responses.hasNext()) {           // one response: parallel over its windows
                sink.accept(ResponseRank.measure(first, options, series, pool));
                return;
            }
            ArrayDeque<Future<RankDynamics>> inFlight = new ArrayDeque<>();
            HiddenStates pending = first;
            while (pending != null) {
                HiddenStates z = pending;
                inFlight.add(pool.submit(() -> ResponseRank.measure(z, options, series, null)));
                pending = responses.hasNext() ? next(responses) : null;
                if (inFlight.size() >= 2 * threads) sink.accept(Await.result(inFlight.poll()));
            }
            while (!inFlight.isEmpty()) sink.accept(Await.result(inFlight.poll()));
        } finally {
            pool.shutdownNow();
        }
    }

    private static HiddenStates next(Iterator<HiddenStates> responses) {
        HiddenStates z = responses.next();
        if (z == null) throw new IllegalArgumentException("null response in batch");
        return z;
    }


    private static ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "verl4j-rank");
            t.setDaemon(true);
            return t;
        };
    }
}
