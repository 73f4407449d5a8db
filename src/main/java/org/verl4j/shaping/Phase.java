package org.verl4j.shaping;

/** Whether a batch is a training step (aux and state update) or validation (neither). */
public enum Phase {
    TRAINING, VALIDATION
}
