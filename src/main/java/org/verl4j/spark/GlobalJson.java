package org.verl4j.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.WindowPoint;

import java.io.UncheckedIOException;
import java.util.OptionalDouble;

/**
 * {@code global.json}: the line {@code verl4j metrics --global} ends with, {@code {"global": {"N", "d", "stride",
 * "er", "log_er", "velocity", "acceleration", "velocity_measured", "acceleration_measured"[, "windows"]}}}
 * (spec §4), same field names (the CLI's writer, {@code cli.MetricsJson}, is package-private).
 */
final class GlobalJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GlobalJson() {
    }

    static String line(DatasetRank g, int d, MetricsRows.Columns columns) {
        ObjectNode o = JSON.createObjectNode();
        o.put("N", g.responses());
        o.put("d", d);
        o.put("stride", g.stride());
        o.put("er", g.globalEr());
        o.put("log_er", g.logGlobalEr());
        o.put("velocity", g.velocity());
        o.put("acceleration", g.acceleration());
        o.put("velocity_measured", g.velocityMeasured());
        o.put("acceleration_measured", g.accelerationMeasured());
        if (columns == MetricsRows.Columns.WITH_WINDOWS) {
            ArrayNode a = o.putArray("windows");
            for (WindowPoint w : g.windows()) {
                ObjectNode p = a.addObject();
                p.put("end", w.end());
                p.put("er", w.er());
                putOrNull(p, "v", w.velocity());
                putOrNull(p, "a", w.acceleration());
            }
        }
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.set("global", o);
        try {
            return JSON.writeValueAsString(wrapper);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putOrNull(ObjectNode o, String key, OptionalDouble value) {
        if (value.isPresent()) o.put(key, value.getAsDouble()); else o.putNull(key);
    }
}
