package org.verl4j.graph;


/**
 * A model's forward pass as graph code: given the builder and the parameter views it declares whatever inputs it
 * needs (token ids, attention mask, positions…) and returns its output. For a policy the output is the logits
 * {@code z[B, T, V]} at the response positions (position t predicts response token t); for a critic it is the
 * values {@code V[B, T]}.
 */
@FunctionalInterface
public interface Forward {
    Value build(GraphBuilder g, ParameterViews theta);
}
