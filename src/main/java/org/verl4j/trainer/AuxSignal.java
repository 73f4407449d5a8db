package org.verl4j.trainer;

/** What shapes the advantage (spec §7's slot): nothing, VERL's aux, or the token-entropy bonus of Cheng et al. */
public enum AuxSignal {
    NONE("none"), VERL("verl"), ENTROPY_ADV("entropy-adv");

    private final String label;

    AuxSignal(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AuxSignal named(String label) {
        for (AuxSignal a : values()) if (a.label.equals(label)) return a;
        throw new IllegalArgumentException("unknown aux signal '" + label + "'");
    }
}
