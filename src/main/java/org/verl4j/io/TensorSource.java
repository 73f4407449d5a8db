package org.verl4j.io;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Named tensors readable by name: one safetensors file ({@link SafetensorsFile}) or a sharded checkpoint
 * ({@link ShardedSafetensors}). Values come back row-major (C order) in the tensor's own layout.
 * Errors name the file and the tensor.
 */
public interface TensorSource extends AutoCloseable {

    /** Tensor names, in header (or index) order. */
    Set<String> names();

    /** Whether a tensor of that name exists. */
    default boolean contains(String name) {
        return names().contains(name);
    }

    /** The header entry of {@code name}; an unknown name is an error naming the file and the tensor. */
    TensorInfo info(String name);

    /** Free-form string metadata ({@code "__metadata__"} of safetensors); empty when absent. */
    Map<String, String> metadata();

    /** F16/BF16/F32 values exactly, F64 rounded to float. Integer dtypes are an error (use {@link #readLongs}). */
    float[] readFloats(String name) throws IOException;

    /** F16/BF16/F32/F64 values, exactly. Integer dtypes are an error (use {@link #readLongs}). */
    double[] readDoubles(String name) throws IOException;

    /** I64/I32/I16/I8/U8 values, BOOL as 0/1. Floating dtypes are an error. */
    long[] readLongs(String name) throws IOException;

    /** Where {@code name} lives, for messages ({@code "model-00001-of-00002.safetensors"}). */
    String describe(String name);

    /**
     * The entry of {@code name}, checked to have exactly {@code expected} as its shape.
     *
     * @throws IllegalArgumentException naming the file, tensor, expected and actual shapes
     */
    default TensorInfo requireShape(String name, long... expected) {
        TensorInfo info = info(name);
        if (!Arrays.equals(info.shape(), expected))
            throw new IllegalArgumentException(describe(name) + ": tensor \"" + name + "\" has shape "
                    + Arrays.toString(info.shape()) + ", expected " + Arrays.toString(expected));
        return info;
    }

    @Override
    void close() throws IOException;
}
