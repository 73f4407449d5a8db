package org.verl4j.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tensors of a Hugging Face checkpoint directory, single-file or sharded, read by name.
 *
 * <pre>
 * model.safetensors.index.json = {"metadata": {...}, "weight_map": {tensor name: shard file name, …}}
 * </pre>
 * {@link #open(Path)} takes a directory (the index if present, else {@code model.safetensors}), an index file, or
 * a single {@code .safetensors} file. It opens every shard the index names, and checks that each listed tensor is
 * in its shard; a missing shard or tensor is an error naming the index and the shard. Tensors a shard holds but
 * the index does not list are not visible (as in Hugging Face's loader).
 */
public final class ShardedSafetensors implements TensorSource {

    /** The index file name Hugging Face writes beside sharded weights. */
    public static final String INDEX = "model.safetensors.index.json";
    /** The single-file weights name. */
    public static final String SINGLE = "model.safetensors";

    private final Map<String, SafetensorsFile> route;      // tensor name → its shard, in index order
    private final List<SafetensorsFile> shards;
    private final Map<String, String> metadata;

    private ShardedSafetensors(Map<String, SafetensorsFile> route, List<SafetensorsFile> shards, Map<String, String> metadata) {
        this.route = Collections.unmodifiableMap(route);
        this.shards = List.copyOf(shards);
        this.metadata = Collections.unmodifiableMap(metadata);
    }

    /** Opens a checkpoint directory, an index file or one safetensors file. */
    public static ShardedSafetensors open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            if (Files.exists(path.resolve(INDEX))) return openIndex(path.resolve(INDEX));
            if (Files.exists(path.resolve(SINGLE))) return single(path.resolve(SINGLE));
            throw new NoSuchFileException(path + ": no " + INDEX + " or " + SINGLE + " in this directory");
        }
        if (path.getFileName().toString().endsWith(".json")) return openIndex(path);
        return single(path);
    }

    private static ShardedSafetensors single(Path file) throws IOException {
        SafetensorsFile f = SafetensorsFile.open(file);
        Map<String, SafetensorsFile> route = new LinkedHashMap<>();
        for (String name : f.names()) route.put(name, f);
        return new ShardedSafetensors(route, List.of(f), f.metadata());
    }

    private static ShardedSafetensors openIndex(Path index) throws IOException {
        Object root;
        try {
            root = HeaderJson.parse(Files.readString(index));
        } catch (IllegalArgumentException bad) {
            throw new IOException(index + ": not valid JSON: " + bad.getMessage(), bad);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("weight_map") instanceof Map<?, ?> weightMap))
            throw new IOException(index + ": no \"weight_map\" object");
        Map<String, SafetensorsFile> byShard = new LinkedHashMap<>();
        Map<String, SafetensorsFile> route = new LinkedHashMap<>();
        try {
            for (Map.Entry<?, ?> e : weightMap.entrySet()) {
                String tensor = (String) e.getKey();
                if (!(e.getValue() instanceof String shardName) || shardName.contains("/") || shardName.contains("\\"))
                    throw new IOException(index + ": tensor \"" + tensor + "\" maps to " + e.getValue() + ", not a shard file name");
                SafetensorsFile shard = byShard.get(shardName);
                if (shard == null) {
                    Path shardPath = index.resolveSibling(shardName);
                    if (!Files.exists(shardPath))
                        throw new NoSuchFileException(index + ": shard " + shardName + " (holding \"" + tensor + "\") is missing");
                    shard = SafetensorsFile.open(shardPath);
                    byShard.put(shardName, shard);
                }
                if (!shard.contains(tensor))
                    throw new IOException(index + ": tensor \"" + tensor + "\" is not in its shard " + shardName);
                route.put(tensor, shard);
            }
        } catch (IOException | RuntimeException e) {
            for (SafetensorsFile f : byShard.values()) f.close();
            throw e;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        if (top.get("metadata") instanceof Map<?, ?> m)
            for (Map.Entry<?, ?> e : m.entrySet()) metadata.put((String) e.getKey(), String.valueOf(e.getValue()));
        return new ShardedSafetensors(route, List.copyOf(byShard.values()), metadata);
    }

    @Override
    public Set<String> names() {
        return route.keySet();
    }

    @Override
    public TensorInfo info(String name) {
        return shardOf(name).info(name);
    }

    /** The index's {@code "metadata"} (values as strings), or the single file's {@code __metadata__}. */
    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public float[] readFloats(String name) throws IOException {
        return shardOf(name).readFloats(name);
    }

    @Override
    public double[] readDoubles(String name) throws IOException {
        return shardOf(name).readDoubles(name);
    }

    @Override
    public long[] readLongs(String name) throws IOException {
        return shardOf(name).readLongs(name);
    }

    @Override
    public String describe(String name) {
        return shardOf(name).path().toString();
    }

    /** The open shards, in index order. */
    public List<SafetensorsFile> shards() {
        return shards;
    }

    private SafetensorsFile shardOf(String name) {
        SafetensorsFile f = route.get(name);
        if (f == null) throw new IllegalArgumentException((shards.isEmpty() ? "checkpoint" : shards.get(0).path().getParent())
                + ": no tensor named \"" + name + "\" in the checkpoint (" + route.size() + " tensors)");
        return f;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (SafetensorsFile f : shards) {
            try {
                f.close();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
