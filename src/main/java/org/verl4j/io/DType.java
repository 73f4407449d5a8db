package org.verl4j.io;

import java.util.Locale;

/**
 * Element types of tensor files, with their size and their name in safetensors headers ({@code "BF16"}) and the
 * NumPy type character they correspond to ({@code 'f'} float, {@code 'i'} signed, {@code 'u'} unsigned,
 * {@code 'b'} bool). All multi-byte types are stored little-endian in safetensors.
 */
public enum DType {
    F64(8, 'f'), F32(4, 'f'), F16(2, 'f'), BF16(2, 'f'),
    I64(8, 'i'), I32(4, 'i'), I16(2, 'i'), I8(1, 'i'), U8(1, 'u'), BOOL(1, 'b');

    private final int bytes;
    private final char kind;

    DType(int bytes, char kind) {
        this.bytes = bytes;
        this.kind = kind;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** True for F64, F32, F16 and BF16. */
    public boolean isFloating() {
        return kind == 'f';
    }

    /** The name used in safetensors headers, e.g. {@code "BF16"}. */
    public String safetensorsName() {
        return name();
    }

    /**
     * The type named {@code name} in a safetensors header.
     *
     * @throws IllegalArgumentException naming the unknown type (F8_*, U16/U32/U64, C64 … are not supported)
     */
    public static DType fromSafetensors(String name) {
        for (DType t : values()) if (t.name().equals(name)) return t;
        throw new IllegalArgumentException("unsupported safetensors dtype \"" + name + "\" (supported: "
                + java.util.Arrays.toString(values()).toUpperCase(Locale.ROOT) + ")");
    }
}
