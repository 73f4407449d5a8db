package org.verl4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes NumPy {@code .npy} files in C order, little-endian, format 1.0 (2.0 when the header needs more than
 * 65535 bytes), the header padded with spaces and a final {@code '\n'} so the data starts at a multiple of 64
 * bytes, as NumPy does. Written atomically ({@link AtomicFile}). Values convert as in {@link NamedTensor}.
 */
public final class NpyWriter {

    private NpyWriter() {
    }

    /** Writes a float16/32/64 array. */
    public static void writeDoubles(Path file, DType dtype, long[] shape, double[] values) throws IOException {
        write(file, NamedTensor.ofDoubles(file.getFileName().toString(), dtype, shape, values));
    }

    /** Writes an integer (or bool) array. */
    public static void writeLongs(Path file, DType dtype, long[] shape, long[] values) throws IOException {
        write(file, NamedTensor.ofLongs(file.getFileName().toString(), dtype, shape, values));
    }

    /** Writes the values of {@code tensor} (its name is only used in messages). */
    public static void write(Path file, NamedTensor tensor) throws IOException {
        byte[] header = header(tensor.dtype(), tensor.shape());
        AtomicFile.write(file, out -> {
            out.write(header);
            ByteBuffer b = ByteBuffer.allocate(TensorDecoder.CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            int n = tensor.values().length();
            for (int i = 0; i < n; i++) {
                if (b.remaining() < 8) { out.write(b.array(), 0, b.position()); b.clear(); }
                TensorEncoder.put(tensor, i, b);
            }
            out.write(b.array(), 0, b.position());
        });
    }

    /** Magic, version, length and the padded dictionary. */
    static byte[] header(DType dtype, long[] shape) {
        StringBuilder dims = new StringBuilder();
        for (long s : shape) dims.append(s).append(", ");
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + (dims.length() == 0 ? "" : dims.substring(0, dims.length() - 2)) + ")";
        String dict = "{'descr': '" + NpyHeader.descr(dtype, ByteOrder.LITTLE_ENDIAN) + "', 'fortran_order': False, 'shape': "
                + shapeText + ", }";
        int major = dict.length() + 11 > 65535 ? 2 : 1;
        int prefix = major == 1 ? 10 : 12;
        int total = (prefix + dict.length() + 1 + 63) / 64 * 64;             // + '\n', padded to 64
        byte[] text = (dict + " ".repeat(total - prefix - dict.length() - 1) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) b.putShort((short) text.length); else b.putInt(text.length);
        b.put(text);
        return Arrays.copyOf(b.array(), total);
    }
}
