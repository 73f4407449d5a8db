package org.verl4j.io;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a NumPy {@code .npy} file (format versions 1.0, 2.0 and 3.0).
 *
 * <pre>
 * "\x93NUMPY" major minor  header_len (u16 LE in 1.0; u32 LE in 2.0/3.0)  header  data
 * header = "{'descr': '&lt;f4', 'fortran_order': False, 'shape': (N, T, d), }" padded with spaces and '\n'
 * descr  = byte order ('&lt;' little, '&gt;' big, '|' not applicable, '=' native) + kind + size
 * </pre>
 * Supported descr kinds: {@code f2 f4 f8 i1 i2 i4 i8 u1 b1}.
 *
 * @param dtype        element type
 * @param byteOrder    element byte order
 * @param fortranOrder column-major data (first axis fastest) when true, row-major (C) when false
 * @param shape        dimensions; empty for a scalar
 * @param dataOffset   bytes before the data
 */
public record NpyHeader(DType dtype, ByteOrder byteOrder, boolean fortranOrder, long[] shape, long dataOffset) {

    public NpyHeader {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Dimension {@code i}. */
    public long dim(int i) {
        return shape[i];
    }

    /** ∏ shape (1 for a scalar). */
    public long elementCount() {
        return TensorInfo.elementCount(shape);
    }

    /** The descr string NumPy writes for this type, e.g. {@code "<f4"}. */
    public String descr() {
        return descr(dtype, byteOrder);
    }

    static String descr(DType dtype, ByteOrder order) {
        String code = switch (dtype) {
            case F64 -> "f8"; case F32 -> "f4"; case F16 -> "f2";
            case I64 -> "i8"; case I32 -> "i4"; case I16 -> "i2"; case I8 -> "i1";
            case U8 -> "u1"; case BOOL -> "b1";
            case BF16 -> throw new IllegalArgumentException("NumPy has no bfloat16 dtype");
        };
        return (dtype.bytes() == 1 ? "|" : order == ByteOrder.BIG_ENDIAN ? ">" : "<") + code;
    }

    /** Parses the header dictionary text; problems are reported relative to {@code file}. */
    static NpyHeader parse(String text, long dataOffset, String file) {
        Map<String, Object> dict = new PythonLiteral(text, file).dictionary();
        Object descr = dict.get("descr"), fortran = dict.get("fortran_order"), shape = dict.get("shape");
        if (!(descr instanceof String d)) throw new IllegalArgumentException(file + ": npy header has no 'descr' string (structured dtypes are not supported): " + text.strip());
        if (!(fortran instanceof Boolean f)) throw new IllegalArgumentException(file + ": npy header has no 'fortran_order' True/False");
        if (!(shape instanceof long[] s)) throw new IllegalArgumentException(file + ": npy header has no 'shape' tuple");
        if (dict.size() != 3) throw new IllegalArgumentException(file + ": npy header has unexpected keys " + dict.keySet());
        return new NpyHeader(dtypeOf(d, file), orderOf(d, file), f, s, dataOffset);
    }

    private static DType dtypeOf(String descr, String file) {
        String code = descr.length() == 3 ? descr.substring(1) : "";
        DType t = switch (code) {
            case "f8" -> DType.F64; case "f4" -> DType.F32; case "f2" -> DType.F16;
            case "i8" -> DType.I64; case "i4" -> DType.I32; case "i2" -> DType.I16; case "i1" -> DType.I8;
            case "u1" -> DType.U8; case "b1" -> DType.BOOL;
            default -> null;
        };
        if (t == null) throw new IllegalArgumentException(file + ": unsupported npy dtype '" + descr
                + "' (supported: float16/32/64, int8/16/32/64, uint8, bool)");
        return t;
    }

    private static ByteOrder orderOf(String descr, String file) {
        return switch (descr.charAt(0)) {
            case '<', '|' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            case '=' -> ByteOrder.nativeOrder();
            default -> throw new IllegalArgumentException(file + ": unsupported npy byte order in '" + descr + "'");
        };
    }

    /** The dictionary literal NumPy writes: string keys; string, True/False and int-tuple values. */
    private static final class PythonLiteral {
        private final String text;
        private final String file;
        private int pos;

        PythonLiteral(String text, String file) {
            this.text = text;
            this.file = file;
        }

        Map<String, Object> dictionary() {
            Map<String, Object> map = new LinkedHashMap<>();
            expect('{');
            while (!peekIs('}')) {
                String key = string();
                expect(':');
                map.put(key, value());
                if (!peekIs('}')) expect(',');
            }
            expect('}');
            skipSpace();
            if (pos != text.length()) throw error("unexpected text after the dictionary");
            return map;
        }

        private Object value() {
            skipSpace();
            if (peekIs('\'') || peekIs('"')) return string();
            if (peekIs('(')) return tuple();
            if (text.startsWith("True", pos)) { pos += 4; return Boolean.TRUE; }
            if (text.startsWith("False", pos)) { pos += 5; return Boolean.FALSE; }
            throw error("unsupported value");
        }

        private long[] tuple() {
            expect('(');
            List<Long> dims = new ArrayList<>();
            while (!peekIs(')')) {
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
                if (start == pos) throw error("expected a dimension");
                try {
                    dims.add(Long.parseLong(text.substring(start, pos)));
                } catch (NumberFormatException tooLarge) {
                    throw error("dimension too large");
                }
                if (text.startsWith("L", pos)) pos++;                                // Python 2 long suffix
                if (!peekIs(')')) expect(',');
            }
            expect(')');
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        private String string() {
            skipSpace();
            char quote = text.charAt(pos);
            if (quote != '\'' && quote != '"') throw error("expected a quoted string");
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) throw error("unterminated string");
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }

        private boolean peekIs(char c) {
            skipSpace();
            return pos < text.length() && text.charAt(pos) == c;
        }

        private void expect(char c) {
            if (!peekIs(c)) throw error("expected '" + c + "'");
            pos++;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(file + ": bad npy header (" + what + " at character " + pos + "): "
                    + text.strip());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && dtype == h.dtype && byteOrder.equals(h.byteOrder) && fortranOrder == h.fortranOrder
                && Arrays.equals(shape, h.shape) && dataOffset == h.dataOffset;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + dtype.hashCode();
    }

    @Override
    public String toString() {
        return "npy " + descr() + (fortranOrder ? " fortran " : " ") + Arrays.toString(shape);
    }
}
