package org.verl4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.verl4j.rollout.RolloutEngine;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** What one task returns for its {@link Slice}: a result per input, in order, or why the slice failed. */
sealed interface SliceOutcome<R> extends Serializable permits SliceOutcome.Done, SliceOutcome.Failed {

    /** The slice's first position in the input list. */
    int first();

    /** Every input's result, in order. */
    record Done<R>(int first, List<R> results) implements SliceOutcome<R> {
    }

    /** The engine could not be opened, or an input could not be processed; {@code message} says which. */
    record Failed<R>(int first, String message) implements SliceOutcome<R> {
    }

    /** The results of every slice in input order; the first failure (in input order) is thrown as its message. */
    static <R> List<R> concatenate(List<SliceOutcome<R>> outcomes) {
        List<SliceOutcome<R>> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.comparingInt(SliceOutcome::first));
        List<R> all = new ArrayList<>();
        for (SliceOutcome<R> o : sorted) {
            if (o instanceof Failed<R> f) throw new IllegalArgumentException(f.message());
            all.addAll(((Done<R>) o).results());
        }
        return all;
    }

    /**
     * {@code work} on this JVM's engine for {@code spec} ({@link ExecutorEngines}): its results for {@code slice}, or
     * the slice's failure — an engine that cannot be opened or an input that cannot be processed comes back as a
     * message naming the slice and the model, not as an executor stack trace.
     */
    static <R> SliceOutcome<R> run(Slice<?> slice, EngineSpec spec, Configuration conf, Function<RolloutEngine, List<R>> work) {
        try {
            return new Done<>(slice.first(), ExecutorEngines.use(spec, conf, work));
        } catch (IOException | RuntimeException e) {
            return failed(slice, spec, e);
        }
    }

    /** The failure of {@code slice}: its items, the model, and the exception's message. */
    private static <R> SliceOutcome<R> failed(Slice<?> slice, EngineSpec engine, Exception e) {
        String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new Failed<>(slice.first(), slice.describe() + " (model " + engine.model() + "): " + m);
    }
}
