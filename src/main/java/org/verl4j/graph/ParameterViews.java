package org.verl4j.graph;


import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameter tensors of a {@link ParameterLayout} as graph values: each is a Slice of the flat θ input reshaped
 * to its shape and named after the parameter ({@code model.layers.0.mlp.up_proj.weight}), created on first use (a
 * forward that reads θ its own way leaves no unused slices behind). The train step differentiates with respect to
 * θ itself; {@code Autodiff} lays the slices' gradients side by side (a Concat), so the backward never pads a
 * P-long vector per tensor.
 */
public final class ParameterViews {

    private final GraphBuilder g;
    private final Value theta;
    private final ParameterLayout layout;
    private final Map<String, Value> views = new LinkedHashMap<>();

    /** Views of the entries of {@code layout} into {@code theta} (1-D, length P). */
    public ParameterViews(GraphBuilder g, Value theta, ParameterLayout layout) {
        if (theta.rank() != 1) throw new IllegalArgumentException("θ must be 1-D, got " + theta);
        this.g = g;
        this.theta = theta;
        this.layout = layout;
    }

    /** The tensor named {@code name}, shaped as in the layout: {@code reshape(θ[o : o + n], shape)}. */
    public Value get(String name) {
        return views.computeIfAbsent(name, n -> {
            ParameterLayout.Entry e = layout.entry(n);
            Value flat = g.slice(theta, new long[]{e.offset()}, new long[]{e.offset() + e.size()}, new long[]{0});
            return g.reshape(flat, e.shape()).named(n);
        });
    }

    /** The flat θ input itself, for forwards that slice it their own way. */
    public Value theta() {
        return theta;
    }

    public ParameterLayout layout() {
        return layout;
    }
}
