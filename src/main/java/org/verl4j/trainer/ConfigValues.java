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

    private final Map<String, Object> values = new LinkedHashMap<>();             // name → a value of its key's T

    private ConfigValues() {
        for (ConfigKey<?> k : TrainerKeys.all()) values.put(k.name(), k.defaultValue());
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
        try {
            values.put(name, TrainerKeys.get(name).parse(text));
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
            else if (value.isNull()) set(name, ConfigKey.NONE, file.toString());
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

    /** The value of {@code key}, a {@link TrainerKeys} constant. */
    public <T> T get(ConfigKey<T> key) {
        if (TrainerKeys.get(key.name()) != key)
            throw new IllegalArgumentException("'" + key.name() + "' is not a key of TrainerKeys");
        @SuppressWarnings("unchecked") T v = (T) values.get(key.name());   // set only through key.parse
        return v;
    }

    /** The resolved configuration as nested JSON (sections as objects); reading it back gives the same values. */
    public ObjectNode toJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        for (ConfigKey<?> k : TrainerKeys.all()) {
            String[] parts = k.name().split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < parts.length - 1; i++)
                node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
            putJson(node, parts[parts.length - 1], k);
        }
        return root;
    }

    /** One {@code key = value} line per key, for printing at the start of a run. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (ConfigKey<?> k : TrainerKeys.all()) sb.append(k.name()).append(" = ").append(formatted(k)).append('\n');
        return sb.toString();
    }

    private <T> void putJson(ObjectNode node, String leaf, ConfigKey<T> key) {
        key.putJson(node, leaf, get(key));
    }

    private <T> String formatted(ConfigKey<T> key) {
        return key.format(get(key));
    }
}
