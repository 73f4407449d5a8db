package org.verl4j.graph;

import java.util.Optional;

/**
 * A model's forward pass as graph code: given the builder and the parameter views it declares whatever inputs it
 * needs (token ids, attention mask, positions…) and returns its {@link Output}. For a policy the output is the logits
 * {@code z[B, T, V]} at the response positions (position t predicts response token t); for a critic it is the
 * values {@code V[B, T]}.
 */
@FunctionalInterface
public interface Forward {

    /** The usual name of the response-token input {@code y[B, T]} (INT64), whoever declares it. */
    String RESPONSES = "responses";

    /**
     * What a forward hands to the loss: its output and, when the forward itself read the response tokens (a decoder
     * reads [prompt; response]), that value, so the loss takes the same tokens explicitly instead of by name.
     *
     * @param value     logits [B, T, V] or values [B, T]
     * @param responses the response tokens [B, T] the forward declared, or empty (the loss declares them)
     */
    record Output(Value value, Optional<Value> responses) {
        public Output {
            if (value == null || responses == null) throw new IllegalArgumentException("a forward's output is required");
        }

        /** An output for a forward that does not read the response tokens. */
        public static Output of(Value value) {
            return new Output(value, Optional.empty());
        }

        /** An output for a forward that declared the response tokens itself. */
        public static Output withResponses(Value value, Value responses) {
            return new Output(value, Optional.of(responses));
        }
    }

    Output build(GraphBuilder g, ParameterViews theta);
}
