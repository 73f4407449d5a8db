package org.verl4j.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.verl4j.io.AtomicFile;
import org.verl4j.io.DType;
import org.verl4j.io.NamedTensor;
import org.verl4j.io.SafetensorsWriter;
import org.verl4j.io.ShardedSafetensors;
import org.verl4j.io.TensorInfo;
import org.verl4j.io.TensorSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one decoder, float32, in {@link WeightLayout}'s names and order. Loaded from a Hugging Face
 * model directory ({@code config.json} + {@code model.safetensors} or a sharded {@code model.safetensors.index.json};
 * F32/F16/BF16 widen exactly to float) and written back in the same layout so Hugging Face loads it.
 * Tensors the layout does not use (a tied checkpoint's {@code lm_head.weight}, {@code rotary_emb.inv_freq}) are
 * ignored. The arrays are shared, not copied: an owner that trains them in place owns this object.
 */
public final class DecoderWeights {

    private final ModelConfig config;
    private final Map<String, float[]> tensors;

    private DecoderWeights(ModelConfig config, Map<String, float[]> tensors) {
        this.config = config;
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /**
     * Wraps {@code tensors}, which must hold exactly the layout's names with the layout's sizes.
     *
     * @throws IllegalArgumentException naming the first missing, extra or mis-sized tensor
     */
    public static DecoderWeights of(ModelConfig config, Map<String, float[]> tensors) {
        Map<String, float[]> ordered = new LinkedHashMap<>();
        for (WeightSpec spec : WeightLayout.of(config)) {
            float[] values = tensors.get(spec.name());
            if (values == null) throw new IllegalArgumentException("missing tensor \"" + spec.name() + "\"");
            if (values.length != spec.size())
                throw new IllegalArgumentException("tensor " + spec + " needs " + spec.size() + " values, got " + values.length);
            ordered.put(spec.name(), values);
        }
        for (String name : tensors.keySet())
            if (!ordered.containsKey(name)) throw new IllegalArgumentException("unexpected tensor \"" + name + "\"");
        return new DecoderWeights(config, ordered);
    }

    /**
     * Reads a Hugging Face model directory.
     *
     * @throws IllegalArgumentException when {@code dir} is not a model directory, or a tensor is missing or
     *                                  mis-shaped (naming the file and the tensor)
     * @throws IOException              when a weights file cannot be read or is truncated (naming the file)
     */
    public static DecoderWeights load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + " is not a model directory: not a directory");
        ModelConfig config = ModelConfig.read(dir);
        if (!Files.exists(dir.resolve(ShardedSafetensors.INDEX)) && !Files.exists(dir.resolve(ShardedSafetensors.SINGLE)))
            throw new IllegalArgumentException(dir + " is not a model directory: no " + ShardedSafetensors.SINGLE
                    + " or " + ShardedSafetensors.INDEX);
        Map<String, float[]> tensors = new LinkedHashMap<>();
        try (TensorSource source = ShardedSafetensors.open(dir)) {
            for (WeightSpec spec : WeightLayout.of(config)) {
                if (!source.contains(spec.name()))
                    throw new IllegalArgumentException(dir + ": tensor \"" + spec.name() + "\" " + Arrays.toString(spec.shape())
                            + " is missing from the checkpoint");
                TensorInfo info = source.info(spec.name());
                if (!spec.hasShape(info.shape()))
                    throw new IllegalArgumentException(source.describe(spec.name()) + ": tensor \"" + spec.name()
                            + "\" has shape " + Arrays.toString(info.shape()) + ", expected "
                            + Arrays.toString(spec.shape()));
                tensors.put(spec.name(), source.readFloats(spec.name()));
            }
        }
        return new DecoderWeights(config, tensors);
    }

    /**
     * Writes {@code dir/config.json} and {@code dir/model.safetensors} (each atomically), the tensors stored as
     * {@code dtype} (F32 keeps trained values exactly; BF16/F16 round to nearest even).
     */
    public void save(Path dir, DType dtype) throws IOException {
        if (!dtype.isFloating()) throw new IllegalArgumentException("weights must be stored as a floating dtype, not " + dtype);
        Files.createDirectories(dir);
        List<NamedTensor> named = new ArrayList<>();
        for (WeightSpec spec : WeightLayout.of(config)) {
            int[] s = spec.shape();
            long[] shape = new long[s.length];
            for (int i = 0; i < s.length; i++) shape[i] = s[i];
            named.add(NamedTensor.ofFloats(spec.name(), dtype, shape, tensors.get(spec.name())));
        }
        SafetensorsWriter.write(dir.resolve(ShardedSafetensors.SINGLE), named, Map.of("format", "pt"));
        var json = config.toJson().put("torch_dtype", torchDtype(dtype));
        byte[] bytes = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        AtomicFile.write(dir.resolve("config.json"), out -> out.write(bytes));
    }

    public ModelConfig config() {
        return config;
    }

    /** The tensor named {@code name} (row-major, shared). */
    public float[] get(String name) {
        float[] t = tensors.get(name);
        if (t == null) throw new IllegalArgumentException("no tensor \"" + name + "\" in this " + config.architecture() + " layout");
        return t;
    }

    /** {@code W_lm [V, d]}: {@code lm_head.weight}, or the embedding when tied. */
    public float[] lmHead() {
        return config.tieWordEmbeddings() ? get(WeightLayout.EMBED) : get(WeightLayout.LM_HEAD);
    }

    /** Name → values, in layout order. */
    public Map<String, float[]> tensors() {
        return tensors;
    }

    /** Every parameter concatenated in layout order (the flat buffer of training graphs). */
    public float[] flatten() {
        float[] flat = new float[Math.toIntExact(WeightLayout.parameterCount(config))];
        int at = 0;
        for (float[] t : tensors.values()) {
            System.arraycopy(t, 0, flat, at, t.length);
            at += t.length;
        }
        return flat;
    }

    /** The inverse of {@link #flatten()}. */
    public static DecoderWeights unflatten(ModelConfig config, float[] flat) {
        if (flat.length != WeightLayout.parameterCount(config))
            throw new IllegalArgumentException("flat buffer has " + flat.length + " values, the model has "
                    + WeightLayout.parameterCount(config));
        Map<String, float[]> tensors = new LinkedHashMap<>();
        int at = 0;
        for (WeightSpec spec : WeightLayout.of(config)) {
            tensors.put(spec.name(), Arrays.copyOfRange(flat, at, at + spec.size()));
            at += spec.size();
        }
        return new DecoderWeights(config, tensors);
    }

    /** {@link #unflatten(ModelConfig, float[])} of a float64 θ (a train step's), each value rounded to float. */
    public static DecoderWeights unflatten(ModelConfig config, double[] theta) {
        float[] flat = new float[theta.length];
        for (int i = 0; i < flat.length; i++) flat[i] = (float) theta[i];
        return unflatten(config, flat);
    }

    /** The {@code torch_dtype} name of {@code dtype} ({@code "bfloat16"}, …). */
    static String torchDtype(DType dtype) {
        return switch (dtype) {
            case BF16 -> "bfloat16";
            case F16 -> "float16";
            case F64 -> "float64";
            default -> "float32";
        };
    }
}
