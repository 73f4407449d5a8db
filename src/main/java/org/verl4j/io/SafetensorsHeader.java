package org.verl4j.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed and validated JSON header of a safetensors file.
 *
 * <pre>
 * for every tensor:  dtype known;  shape = list of integers ≥ 0;  data_offsets = [begin, end], 0 ≤ begin ≤ end
 *                    end ≤ data-section length;  end − begin = ∏shape · bytes(dtype)
 * across tensors:    byte ranges do not overlap (zero-length tensors never do; gaps are tolerated)
 * </pre>
 */
record SafetensorsHeader(Map<String, TensorInfo> tensors, Map<String, String> metadata) {

    static SafetensorsHeader parse(String json, long dataLength, String file) throws IOException {
        Object root;
        try {
            root = HeaderJson.parse(json);
        } catch (IllegalArgumentException bad) {
            throw new IOException(file + ": safetensors header is not valid JSON: " + bad.getMessage(), bad);
        }
        if (!(root instanceof Map<?, ?> entries))
            throw new IOException(file + ": safetensors header must be a JSON object");
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals("__metadata__")) {
                metadata = metadata(e.getValue(), file);
            } else {
                tensors.put(name, tensor(name, e.getValue(), dataLength, file));
            }
        }
        requireDisjoint(tensors, file);
        return new SafetensorsHeader(tensors, metadata);
    }

    private static Map<String, String> metadata(Object value, String file) throws IOException {
        if (!(value instanceof Map<?, ?> map)) throw new IOException(file + ": \"__metadata__\" must be an object of strings");
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof String s))
                throw new IOException(file + ": \"__metadata__\" value of \"" + e.getKey() + "\" is not a string");
            out.put((String) e.getKey(), s);
        }
        return out;
    }

    private static TensorInfo tensor(String name, Object value, long dataLength, String file) throws IOException {
        String where = file + ": tensor \"" + name + "\"";
        if (!(value instanceof Map<?, ?> entry)) throw new IOException(where + ": header entry is not an object");
        if (!(entry.get("dtype") instanceof String dtypeName)) throw new IOException(where + ": missing \"dtype\"");
        DType dtype;
        try {
            dtype = DType.fromSafetensors(dtypeName);
        } catch (IllegalArgumentException unknown) {
            throw new IOException(where + ": " + unknown.getMessage());
        }
        long[] shape = longs(entry.get("shape"), -1, where, "shape");
        long[] offsets = longs(entry.get("data_offsets"), 2, where, "data_offsets");
        long begin = offsets[0], end = offsets[1];
        if (begin > end) throw new IOException(where + ": data_offsets [" + begin + ", " + end + "] are reversed");
        if (end > dataLength)
            throw new IOException(where + ": data_offsets [" + begin + ", " + end + "] reach beyond the data section ("
                    + dataLength + " bytes; file truncated?)");
        long count = TensorInfo.elementCount(shape);
        if (count < 0) throw new IOException(where + ": shape " + java.util.Arrays.toString(shape) + " is too large");
        if (count > Long.MAX_VALUE / dtype.bytes() || count * dtype.bytes() != end - begin)
            throw new IOException(where + ": " + (end - begin) + " bytes in data_offsets, but " + dtype + " shape "
                    + java.util.Arrays.toString(shape) + " needs " + count + " × " + dtype.bytes() + " bytes");
        return new TensorInfo(name, dtype, shape, begin, end);
    }

    private static long[] longs(Object value, int length, String where, String key) throws IOException {
        if (!(value instanceof List<?> list)) throw new IOException(where + ": missing or non-list \"" + key + "\"");
        if (length >= 0 && list.size() != length)
            throw new IOException(where + ": \"" + key + "\" must have " + length + " entries, has " + list.size());
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long v) || v < 0)
                throw new IOException(where + ": \"" + key + "\" entry " + i + " is not a non-negative integer: " + list.get(i));
            out[i] = v;
        }
        return out;
    }

    private static void requireDisjoint(Map<String, TensorInfo> tensors, String file) throws IOException {
        List<TensorInfo> sorted = new ArrayList<>();
        for (TensorInfo t : tensors.values()) if (t.byteLength() > 0) sorted.add(t);
        sorted.sort(Comparator.comparingLong(TensorInfo::begin));
        for (int i = 1; i < sorted.size(); i++) {
            TensorInfo a = sorted.get(i - 1), b = sorted.get(i);
            if (b.begin() < a.end())
                throw new IOException(file + ": tensors \"" + a.name() + "\" [" + a.begin() + ", " + a.end() + ") and \""
                        + b.name() + "\" [" + b.begin() + ", " + b.end() + ") overlap");
        }
    }
}
