package org.verl4j.train;

import org.verl4j.graph.GraphBuilder;
import org.verl4j.graph.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter tensors of a {@link ParameterLayout} as graph values: each is a Slice of the flat θ input reshaped
 * to its shape and named after the parameter ({@code model.layers.0.mlp.up_proj.weight}). The train step
 * differentiates with respect to θ itself; {@code Autodiff} lays the slices' gradients side by side (a Concat), so
 * the backward never pads a P-long vector per tensor.
 */
public final class ParameterViews {

    private final ParameterLayout layout;
    private final Map<String, Value> views = new LinkedHashMap<>();

    /** Views of every entry of {@code layout} into {@code theta} (1-D, length P). */
    public ParameterViews(GraphBuilder g, Value theta, ParameterLayout layout) {
        this.layout = layout;
        for (ParameterLayout.Entry e : layout.entries()) {
            Value flat = g.slice(theta, new long[]{e.offset()}, new long[]{e.offset() + e.size()}, new long[]{0});
            views.put(e.name(), g.reshape(flat, e.shape()).named(e.name()));
        }
    }

    /** The tensor named {@code name}, shaped as in the layout. */
    public Value get(String name) {
        Value v = views.get(name);
        if (v == null) throw new IllegalArgumentException("no parameter named " + name + " in the layout");
        return v;
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** All views in layout order. */
    public List<Value> all() {
        return new ArrayList<>(views.values());
    }
}
