package org.verl4j.trainer;

/**
 * A NaN or infinite loss or gradient norm: the run stops, and the checkpoints already written (the last good
 * state) stay as they were.
 */
public final class TrainingDiverged extends RuntimeException {

    public TrainingDiverged(String message) {
        super(message);
    }
}
