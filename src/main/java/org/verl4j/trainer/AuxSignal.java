package org.verl4j.trainer;

/**
 * What shapes the advantage (ALGORITHM.md §7's slot): nothing, VERL's aux, or the token-entropy bonus of Cheng et al. The one
 * switch of VERL ({@code aux.signal}); labels by {@link ConfigKey#label}: none, verl, entropy-adv.
 */
public enum AuxSignal {
    NONE, VERL, ENTROPY_ADV;

    public String label() {
        return ConfigKey.label(this);
    }

    /** The signal labelled {@code label}; throws naming the choices otherwise. */
    public static AuxSignal named(String label) {
        return TrainerKeys.AUX_SIGNAL.parse(label);
    }
}
