package org.verl4j.trainer;

import java.util.List;
import java.util.Locale;

/**
 * One key of the training configuration: its dotted name, the type of its value, its default and what it means.
 * Values are parsed from text (a JSON scalar's text, a {@code .properties} value or a {@code --set} value); a value
 * of the wrong type is an error naming the key.
 *
 * @param name     dotted name, e.g. {@code optim.lr}
 * @param kind     the value type
 * @param choices  the allowed values of a {@link Kind#CHOICE} (lower case), empty otherwise
 * @param fallback the default, as text in the key's syntax
 * @param doc      one line for the documentation
 */
public record ConfigKey(String name, Kind kind, List<String> choices, String fallback, String doc) {

    /**
     * Value types. {@code OPTIONAL_DOUBLE} is a number or {@code none}; {@code WEIGHTS} is three numbers
     * {@code a,b,c} (a JSON array of three numbers in a file).
     */
    public enum Kind { INT, LONG, DOUBLE, OPTIONAL_DOUBLE, BOOL, TEXT, PATH, CHOICE, WEIGHTS }

    public ConfigKey {
        choices = List.copyOf(choices);
        if ((kind == Kind.CHOICE) == choices.isEmpty())
            throw new IllegalArgumentException(name + ": a CHOICE key needs choices, other keys none");
    }

    /** Parses {@code text} as this key's value: Integer, Long, Double, Optional Double (null = none), Boolean, String or double[3]. */
    public Object parse(String text) {
        String t = text.strip();
        try {
            return switch (kind) {
                case INT -> Integer.parseInt(t);
                case LONG -> Long.parseLong(t);
                case DOUBLE -> finite(Double.parseDouble(t));
                case OPTIONAL_DOUBLE -> t.equalsIgnoreCase("none") ? NONE : (Object) finite(Double.parseDouble(t));
                case BOOL -> bool(t);
                case TEXT, PATH -> nonEmpty(t);
                case CHOICE -> choice(t);
                case WEIGHTS -> weights(t);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config key '" + name + "': '" + text + "' is not " + expected());
        }
    }

    /** The marker stored for an {@link Kind#OPTIONAL_DOUBLE} set to {@code none}. */
    public static final String NONE = "none";

    /** The value as text in this key's syntax (the inverse of {@link #parse}). */
    public String format(Object value) {
        if (value instanceof double[] w) return w[0] + "," + w[1] + "," + w[2];
        return String.valueOf(value);
    }

    /** What a value of this key looks like, for error messages. */
    public String expected() {
        return switch (kind) {
            case INT -> "an integer";
            case LONG -> "a (long) integer";
            case DOUBLE -> "a finite number";
            case OPTIONAL_DOUBLE -> "a finite number or 'none'";
            case BOOL -> "true or false";
            case TEXT -> "text";
            case PATH -> "a path";
            case CHOICE -> "one of " + String.join(", ", choices);
            case WEIGHTS -> "three numbers a,b,c";
        };
    }

    private double finite(double x) {
        if (!Double.isFinite(x)) throw new NumberFormatException();
        return x;
    }

    private Boolean bool(String t) {
        if (t.equalsIgnoreCase("true")) return true;
        if (t.equalsIgnoreCase("false")) return false;
        throw new NumberFormatException();
    }

    private String nonEmpty(String t) {
        if (t.isEmpty()) throw new NumberFormatException();
        return t;
    }

    private String choice(String t) {
        String c = t.toLowerCase(Locale.ROOT);
        if (!choices.contains(c)) throw new NumberFormatException();
        return c;
    }

    private double[] weights(String t) {
        String[] parts = t.replace("[", "").replace("]", "").split(",");
        if (parts.length != 3) throw new NumberFormatException();
        double[] w = new double[3];
        for (int i = 0; i < 3; i++) w[i] = finite(Double.parseDouble(parts[i].strip()));
        return w;
    }
}
