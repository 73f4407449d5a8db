package org.verl4j.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code steps.jsonl}: the step number and its metrics by name, in the order they were put. A metric
 * that is undefined for a step (the mean ER of the correct responses when none was correct) is NaN here and
 * {@code null} in the file. The names are listed in {@link StepMetrics}.
 *
 * @param step    training step, 1-based
 * @param metrics name → value
 */
public record StepRecord(int step, Map<String, Double> metrics) {

    public StepRecord {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The value of {@code name}; throws naming it when the record has no such metric. */
    public double get(String name) {
        Double v = metrics.get(name);
        if (v == null) throw new IllegalArgumentException("step " + step + " has no metric '" + name + "'");
        return v;
    }

    /** The JSON object of the line: {@code {"step": u, name: value or null, …}}. */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode o = json.createObjectNode();
        o.put("step", step);
        metrics.forEach((k, v) -> {
            if (Double.isFinite(v)) o.put(k, v);
            else o.putNull(k);
        });
        return o;
    }

    /** Inverse of {@link #toJson}. */
    public static StepRecord fromJson(JsonNode o) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("step")) continue;
            m.put(e.getKey(), e.getValue().isNull() ? Double.NaN : e.getValue().asDouble());
        }
        return new StepRecord(o.get("step").asInt(), m);
    }
}
