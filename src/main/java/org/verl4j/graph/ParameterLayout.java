package org.verl4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each named parameter tensor lives in the one flat buffer θ[P] that train-step graphs take (ONNX Runtime's
 * session creation slows sharply with thousands of graph inputs, so parameters, AdamW moments and gradients travel
 * as three or four flat tensors). Tensors are packed in the order given, row-major, without gaps.
 */
public record ParameterLayout(List<Entry> entries) {

    /** One parameter tensor: its name, shape and offset into θ. */
    public record Entry(String name, long[] shape, long offset) {
        public Entry {
            shape = shape.clone();
            for (long d : shape) if (d <= 0) throw new IllegalArgumentException("parameter " + name + " has a dimension " + d);
        }

        public long size() {
            return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        }
    }

    public ParameterLayout {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) throw new IllegalArgumentException("a parameter layout needs at least one tensor");
        Map<String, Entry> seen = new HashMap<>();
        long expected = 0;
        for (Entry e : entries) {
            if (seen.put(e.name(), e) != null) throw new IllegalArgumentException("parameter " + e.name() + " listed twice");
            if (e.offset() != expected) throw new IllegalArgumentException("parameter " + e.name() + " at offset " + e.offset() + ", expected " + expected);
            expected += e.size();
        }
    }

    /** Packs tensors of the given names and shapes one after another. */
    public static Builder builder() {
        return new Builder();
    }

    /** P, the total number of scalars. */
    public long size() {
        Entry last = entries.get(entries.size() - 1);
        return last.offset() + last.size();
    }

    public Entry entry(String name) {
        for (Entry e : entries) if (e.name().equals(name)) return e;
        throw new IllegalArgumentException("no parameter named " + name + " in the layout");
    }

    /** Collects entries in order. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();
        private long offset;

        public Builder add(String name, long... shape) {
            Entry e = new Entry(name, shape, offset);
            entries.add(e);
            offset += e.size();
            return this;
        }

        public ParameterLayout build() {
            return new ParameterLayout(entries);
        }
    }
}
