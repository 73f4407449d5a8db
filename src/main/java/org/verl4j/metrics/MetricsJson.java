package org.verl4j.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.rank.DatasetRank;
import org.verl4j.rank.RankDynamics;
import org.verl4j.rank.WindowPoint;
import org.verl4j.rank.WindowSeries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The JSON Lines of {@code verl4j metrics}: one object per response, then optionally {@code {"global": {...}}}.
 * Undefined window velocities/accelerations (empty in {@link WindowPoint}) are written as {@code null}.
 * Written by {@link MetricsInputs}; the Spark metrics job writes its {@code global.json} with {@link #globalLine}.
 */
public final class MetricsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;
    private final WindowSeries series;

    /** Lines go to {@code out}; {@link WindowSeries#KEEP} adds the per-window series ({@code --windows}). */
    MetricsJson(Writer out, WindowSeries series) {
        this.out = out;
        this.series = series;
    }

    /** {@code {"source", "index", ["tensor"], "T", "d", "er", "log_er", "traditional_rank", "erv", "era", …}}. */
    void response(ResponseStream.Label label, RankDynamics r) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("source", label.source());
        o.put("index", label.index());
        if (label.tensor() != null) o.put("tensor", label.tensor());
        o.put("T", label.rows());
        o.put("d", label.cols());
        o.put("er", r.er());
        o.put("log_er", r.logEr());
        o.put("traditional_rank", r.traditionalRank());
        o.put("erv", r.erv());
        o.put("era", r.era());
        o.put("erv_measured", r.ervMeasured());
        o.put("era_measured", r.eraMeasured());
        if (series == WindowSeries.KEEP) o.set("windows", windows(r.windows()));
        line(o);
    }

    /** Writes {@link #globalLine} with this writer's window series setting. */
    void global(DatasetRank g, int d) throws IOException {
        out.write(globalLine(g, d, series));
        out.write('\n');
    }

    /**
     * {@code {"global": {"N", "d", "stride", "er", "log_er", "velocity", "acceleration", "velocity_measured",
     * "acceleration_measured"[, "windows"]}}} (ALGORITHM.md §4), without the newline; {@code series} says whether the
     * window series is written.
     */
    public static String globalLine(DatasetRank g, int d, WindowSeries series) {
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
        if (series == WindowSeries.KEEP) o.set("windows", windows(g.windows()));
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.set("global", o);
        try {
            return JSON.writeValueAsString(wrapper);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode windows(List<WindowPoint> points) {
        ArrayNode a = JSON.createArrayNode();
        for (WindowPoint w : points) {
            ObjectNode p = a.addObject();
            p.put("end", w.end());
            p.put("er", w.er());
            putOrNull(p, "v", w.velocity());
            putOrNull(p, "a", w.acceleration());
        }
        return a;
    }

    private static void putOrNull(ObjectNode o, String key, OptionalDouble value) {
        if (value.isPresent()) o.put(key, value.getAsDouble()); else o.putNull(key);
    }

    private void line(ObjectNode o) throws IOException {
        out.write(JSON.writeValueAsString(o));
        out.write('\n');
    }
}
