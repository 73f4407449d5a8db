package org.verl4j.graph;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of a graph's values, shared by the graph and its subgraphs (ONNX value names are global to a model):
 * each name is used once, and unnamed node outputs are called after their op and a per-op counter,
 * {@code OpType_n} ({@code OpType_n_i} for output i of a several-output node), with {@code _1}, {@code _2}… added
 * when that is taken.
 */
final class ValueNames {

    private final Map<String, Value> byName = new HashMap<>();        // null while claimed but not yet bound
    private final Map<OpType, Integer> counters = new EnumMap<>(OpType.class);

    /** Reserves {@code name}, which must be new to the model. Returns it. */
    String claim(String name, String graphName) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("value name must be non-empty");
        if (byName.containsKey(name)) throw new IllegalArgumentException("graph " + graphName + " already has a value named " + name);
        byName.put(name, null);
        return name;
    }

    /** Reserves the name of the next node of {@code op} with one output. */
    String fresh(OpType op) {
        return fresh(op, 1).get(0);
    }

    /** Reserves the names of the {@code outputs} outputs of the next node of {@code op}. */
    List<String> fresh(OpType op, int outputs) {
        int n = counters.merge(op, 1, Integer::sum);
        List<String> names = new ArrayList<>(outputs);
        for (int i = 0; i < outputs; i++) {
            String name = free(op.onnxName() + "_" + n + (outputs > 1 ? "_" + i : ""));
            byName.put(name, null);
            names.add(name);
        }
        return names;
    }

    /** {@code base}, or {@code base_1}, {@code base_2}… if taken (not reserved). */
    String free(String base) {
        String name = base;
        for (int i = 1; byName.containsKey(name); i++) name = base + "_" + i;
        return name;
    }

    /** Binds {@code v} to its (reserved) name. */
    void bind(Value v) {
        byName.put(v.name(), v);
    }

    /** Moves {@code v} to the reserved {@code newName}. */
    void rename(Value v, String newName) {
        byName.remove(v.name());
        v.setName(newName);
        byName.put(newName, v);
    }

    /** The value named {@code name}, or null. */
    Value value(String name) {
        return byName.get(name);
    }
}
