package org.verl4j.trainer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verl4j.shaping.ChannelWeights;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * One key of the training configuration: its dotted name, the type T of its value, its default and what it means.
 * Values are parsed from text (a JSON scalar's text, a {@code .properties} value or a {@code --set} value); a value
 * of the wrong type is an error naming the key. A {@link Kind#CHOICE} key's choices are its enum's constants, each
 * under its label (one rule, {@link #label(Enum)}, unless the enum names its constants itself).
 *
 * @param <T> Integer, Long, Double, OptionalDouble (a number or {@code none}), String, Path, ChannelWeights, or an enum
 */
public final class ConfigKey<T> {

    /**
     * Value types. {@code OPTIONAL_DOUBLE} is a number or {@code none}; {@code WEIGHTS} is three numbers
     * {@code a,b,c} (a JSON array of three numbers in a file).
     */
    public enum Kind { INT, LONG, DOUBLE, OPTIONAL_DOUBLE, TEXT, PATH, CHOICE, WEIGHTS }

    /** The text of an {@link Kind#OPTIONAL_DOUBLE} set to nothing. */
    public static final String NONE = "none";

    /** Text → value; a NumberFormatException (or another IllegalArgumentException) for text of the wrong type. */
    private interface Parser<T> {
        T parse(String stripped);
    }

    private final String name, fallback, doc;
    private final Kind kind;
    private final List<String> choices;
    private final Parser<T> parser;
    private final Function<T, String> formatter;
    private final Map<String, String> removed;

    private ConfigKey(String name, Kind kind, List<String> choices, String fallback, String doc, Parser<T> parser,
                      Function<T, String> formatter, Map<String, String> removed) {
        this.name = name;
        this.kind = kind;
        this.choices = List.copyOf(choices);
        this.fallback = fallback;
        this.doc = doc;
        this.parser = parser;
        this.formatter = formatter;
        this.removed = Map.copyOf(removed);
        parse(fallback);                                                 // a default must be a valid value
    }

    private static <T> ConfigKey<T> of(String name, Kind kind, String fallback, String doc, Parser<T> parser) {
        return new ConfigKey<>(name, kind, List.of(), fallback, doc, parser, String::valueOf, Map.of());
    }

    static ConfigKey<Integer> integer(String name, String fallback, String doc) {
        return of(name, Kind.INT, fallback, doc, Integer::parseInt);
    }

    static ConfigKey<Long> longInteger(String name, String fallback, String doc) {
        return of(name, Kind.LONG, fallback, doc, Long::parseLong);
    }

    static ConfigKey<Double> number(String name, String fallback, String doc) {
        return of(name, Kind.DOUBLE, fallback, doc, t -> finite(Double.parseDouble(t)));
    }

    static ConfigKey<OptionalDouble> optionalNumber(String name, String fallback, String doc) {
        return new ConfigKey<>(name, Kind.OPTIONAL_DOUBLE, List.of(), fallback, doc,
                t -> t.equalsIgnoreCase(NONE) ? OptionalDouble.empty() : OptionalDouble.of(finite(Double.parseDouble(t))),
                v -> v.isPresent() ? String.valueOf(v.getAsDouble()) : NONE, Map.of());
    }

    static ConfigKey<String> text(String name, String fallback, String doc) {
        return of(name, Kind.TEXT, fallback, doc, ConfigKey::nonEmpty);
    }

    static ConfigKey<Path> path(String name, String fallback, String doc) {
        return of(name, Kind.PATH, fallback, doc, t -> Path.of(nonEmpty(t)));
    }

    /** Three channel weights [ERA, ERV, ER] as {@code a,b,c} (brackets allowed). */
    static ConfigKey<ChannelWeights> weights(String name, ChannelWeights fallback, String doc) {
        Function<ChannelWeights, String> format = w -> w.era() + "," + w.erv() + "," + w.er();
        return new ConfigKey<>(name, Kind.WEIGHTS, List.of(), format.apply(fallback), doc, t -> {
            String[] parts = t.replace("[", "").replace("]", "").split(",");
            if (parts.length != 3) throw new NumberFormatException();
            double[] w = new double[3];
            for (int i = 0; i < 3; i++) w[i] = finite(Double.parseDouble(parts[i].strip()));
            return new ChannelWeights(w[0], w[1], w[2]);
        }, format, Map.of());
    }

    /** A choice among {@code type}'s constants, each under {@link #label(Enum)}. */
    static <E extends Enum<E>> ConfigKey<E> choice(String name, Class<E> type, E fallback, String doc) {
        return choice(name, type, ConfigKey::label, fallback, doc);
    }

    /** A choice among {@code type}'s constants under the labels the enum gives them. */
    static <E extends Enum<E>> ConfigKey<E> choice(String name, Class<E> type, Function<E, String> label, E fallback,
                                                   String doc) {
        Map<String, E> byLabel = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) byLabel.put(label.apply(e), e);
        return new ConfigKey<>(name, Kind.CHOICE, List.copyOf(byLabel.keySet()), label.apply(fallback), doc, t -> {
            E e = byLabel.get(t.toLowerCase(Locale.ROOT));
            if (e == null) throw new NumberFormatException();
            return e;
        }, label, Map.of());
    }

    /** This key with {@code value} no longer accepted: setting it is an error that says to set {@code instead}. */
    ConfigKey<T> removing(String value, String instead) {
        Map<String, String> r = new LinkedHashMap<>(removed);
        r.put(value, instead);
        return new ConfigKey<>(name, kind, choices, fallback, doc, parser, formatter, r);
    }

    /** An enum constant as a choice: PLAN_B → plan-b, AUTHORS_BF16 → authors-bf16. */
    public static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code text} as this key's value; ill-typed text (or a removed value) is an error naming the key. */
    public T parse(String text) {
        String t = text.strip();
        String instead = removed.get(t.toLowerCase(Locale.ROOT));
        if (instead != null)
            throw new IllegalArgumentException("config key '" + name + "': '" + t + "' was removed; " + instead);
        try {
            return parser.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key '" + name + "': '" + text + "' is not " + expected());
        }
    }

    /** The value as text in this key's syntax (the inverse of {@link #parse}). */
    public String format(T value) {
        return formatter.apply(value);
    }

    /** The default as a value. */
    public T defaultValue() {
        return parse(fallback);
    }

    /** {@code value}, a value of this key, as {@code leaf} of {@code node}: numbers as numbers, weights as an array. */
    void putJson(ObjectNode node, String leaf, T value) {
        switch (kind) {
            case INT -> node.put(leaf, (Integer) value);
            case LONG -> node.put(leaf, (Long) value);
            case DOUBLE -> node.put(leaf, (Double) value);
            case OPTIONAL_DOUBLE -> {
                OptionalDouble d = (OptionalDouble) value;
                if (d.isPresent()) node.put(leaf, d.getAsDouble());
                else node.put(leaf, NONE);
            }
            case WEIGHTS -> {
                ChannelWeights w = (ChannelWeights) value;
                node.putArray(leaf).add(w.era()).add(w.erv()).add(w.er());
            }
            case TEXT, PATH, CHOICE -> node.put(leaf, format(value));
        }
    }

    /** What a value of this key looks like, for error messages. */
    public String expected() {
        return switch (kind) {
            case INT -> "an integer";
            case LONG -> "a (long) integer";
            case DOUBLE -> "a finite number";
            case OPTIONAL_DOUBLE -> "a finite number or 'none'";
            case TEXT -> "text";
            case PATH -> "a path";
            case CHOICE -> "one of " + String.join(", ", choices);
            case WEIGHTS -> "three numbers a,b,c";
        };
    }

    /** Dotted name, e.g. {@code optim.lr}. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The labels of a {@link Kind#CHOICE}, in the enum's order; empty for other keys. */
    public List<String> choices() {
        return choices;
    }

    /** The default, as text in the key's syntax. */
    public String fallback() {
        return fallback;
    }

    /** One line for the documentation. */
    public String doc() {
        return doc;
    }

    @Override
    public String toString() {
        return name;
    }

    private static double finite(double x) {
        if (!Double.isFinite(x)) throw new NumberFormatException();
        return x;
    }

    private static String nonEmpty(String t) {
        if (t.isEmpty()) throw new NumberFormatException();
        return t;
    }
}
