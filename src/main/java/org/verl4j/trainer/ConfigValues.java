package org.verl4j.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The resolved value of every {@link TrainerKeys} key, with this precedence (later wins):
 * <pre>
 * defaults (TrainerKeys)  &lt;  the configuration file (JSON, nested objects or dotted keys; or .properties)  &lt;  --set key=value, in order
 * </pre>
 * An unknown key or a value of the wrong type is an error naming the key and where it came from.
 */
public final class ConfigValues {

    private final Map<String, Object> values = new LinkedHashMap<>();

    private ConfigValues() {
        for (ConfigKey k : TrainerKeys.all()) values.put(k.name(), k.parse(k.fallback()));
    }

    /** Every default. */
    public static ConfigValues defaults() {
        return new ConfigValues();
    }

    /** Defaults, then {@code file} (null for none), then each {@code key=value} of {@code sets}. */
    public static ConfigValues resolve(Path file, List<String> sets) {
        ConfigValues v = new ConfigValues();
        if (file != null) v.readFile(file);
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--set expects key=value, got '" + s + "'");
            v.set(s.substring(0, eq).strip(), s.substring(eq + 1), "--set");
        }
        return v;
    }

    /** A copy with {@code key} set to {@code text} (as {@code --set key=text}). */
    public ConfigValues with(String key, String text) {
        ConfigValues v = new ConfigValues();
        v.values.putAll(values);
        v.set(key, text, "with");
        return v;
    }

    private void set(String name, String text, String origin) {
        ConfigKey key;
        try {
            key = TrainerKeys.get(name);
            values.put(name, key.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }

    private void readFile(Path file) {
        String name = file.getFileName().toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (name.endsWith(".properties")) {
                Properties p = new Properties();
                p.load(in);
                for (String k : p.stringPropertyNames()) set(k, p.getProperty(k), file.toString());
                return;
            }
            JsonNode root = new ObjectMapper().readTree(in);
            if (root == null || !root.isObject())
                throw new IllegalArgumentException(file + ": a training configuration is a JSON object");
            readObject(root, "", file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read configuration " + file + ": " + e.getMessage(), e);
        }
    }

    private void readObject(JsonNode node, String prefix, Path file) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + e.getKey();
            JsonNode value = e.getValue();
            if (value.isObject()) readObject(value, name + ".", file);
            else if (value.isArray()) set(name, value.toString(), file.toString());
            else if (value.isNull()) set(name, "none", file.toString());
            else if (value.isTextual() && isNumeric(name))                 // "steps": "30" is ill-typed in JSON
                throw new IllegalArgumentException(file + ": config key '" + name + "': \"" + value.asText()
                        + "\" is a string, expected " + TrainerKeys.get(name).expected());
            else set(name, value.asText(), file.toString());
        }
    }

    private static boolean isNumeric(String name) {
        ConfigKey.Kind k = TrainerKeys.get(name).kind();
        return k == ConfigKey.Kind.INT || k == ConfigKey.Kind.LONG || k == ConfigKey.Kind.DOUBLE;
    }

    public int integer(String key) {
        return (Integer) get(key, ConfigKey.Kind.INT);
    }

    public long longValue(String key) {
        return (Long) get(key, ConfigKey.Kind.LONG);
    }

    public double number(String key) {
        return (Double) get(key, ConfigKey.Kind.DOUBLE);
    }

    /** An OPTIONAL_DOUBLE key: empty for {@code none}. */
    public java.util.OptionalDouble optionalNumber(String key) {
        Object v = get(key, ConfigKey.Kind.OPTIONAL_DOUBLE);
        return v instanceof Double d ? java.util.OptionalDouble.of(d) : java.util.OptionalDouble.empty();
    }

    public boolean flag(String key) {
        return (Boolean) get(key, ConfigKey.Kind.BOOL);
    }

    public String text(String key) {
        ConfigKey.Kind k = TrainerKeys.get(key).kind();
        if (k != ConfigKey.Kind.TEXT && k != ConfigKey.Kind.CHOICE)
            throw new IllegalStateException("config key '" + key + "' is " + k + ", not text");
        return (String) values.get(key);
    }

    public Path path(String key) {
        return Path.of((String) get(key, ConfigKey.Kind.PATH));
    }

    public double[] weights(String key) {
        return ((double[]) get(key, ConfigKey.Kind.WEIGHTS)).clone();
    }

    private Object get(String key, ConfigKey.Kind kind) {
        ConfigKey k = TrainerKeys.get(key);
        if (k.kind() != kind) throw new IllegalStateException("config key '" + key + "' is " + k.kind() + ", not " + kind);
        return values.get(key);
    }

    /** The resolved configuration as nested JSON (sections as objects); reading it back gives the same values. */
    public ObjectNode toJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        for (ConfigKey k : TrainerKeys.all()) {
            String[] parts = k.name().split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < parts.length - 1; i++)
                node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
            String leaf = parts[parts.length - 1];
            Object v = values.get(k.name());
            if (v instanceof Integer i) node.put(leaf, i);
            else if (v instanceof Long l) node.put(leaf, l);
            else if (v instanceof Double d) node.put(leaf, d);
            else if (v instanceof Boolean b) node.put(leaf, b);
            else if (v instanceof double[] w) node.putArray(leaf).add(w[0]).add(w[1]).add(w[2]);
            else node.put(leaf, (String) v);
        }
        return root;
    }

    /** One {@code key = value} line per key, for printing at the start of a run. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (ConfigKey k : TrainerKeys.all()) sb.append(k.name()).append(" = ").append(k.format(values.get(k.name()))).append('\n');
        return sb.toString();
    }
}
