package org.verl4j.shaping;

import java.util.List;

/**
 * What one controller step produced.
 *
 * @param applied true when the gate was open and aux was computed
 * @param aux     aux_i per response: the value that enters shaping ({@link Numerics#enteredAux});
 *                all 0 when not applied
 * @param terms   the intermediates per response (empty when not applied)
 * @param next    the state after the step
 */
public record ControllerStep(boolean applied, double[] aux, List<AuxTerms> terms, ControllerState next) {

    public ControllerStep {
        terms = List.copyOf(terms);
    }
}
