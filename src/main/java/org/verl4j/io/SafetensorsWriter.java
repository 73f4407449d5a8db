package org.verl4j.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes safetensors files that Hugging Face's loader reads: {@code __metadata__} first (when non-empty), then the
 * tensors in the order given, laid out back to back; the header is padded with spaces so the data section starts
 * at a multiple of 8 bytes, as the reference writer does. Written atomically ({@link AtomicFile}).
 */
public final class SafetensorsWriter {

    private SafetensorsWriter() {
    }

    /** Writes {@code tensors} (names unique) and {@code metadata} to {@code file}, replacing it atomically. */
    public static void write(Path file, List<NamedTensor> tensors, Map<String, String> metadata) throws IOException {
        byte[] header = header(tensors, metadata);
        AtomicFile.write(file, out -> {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
            out.write(length.array());
            out.write(header);
            for (NamedTensor t : tensors) writeValues(t, out);
        });
    }

    static byte[] header(List<NamedTensor> tensors, Map<String, String> metadata) {
        StringBuilder json = new StringBuilder("{");
        if (metadata != null && !metadata.isEmpty()) {
            json.append("\"__metadata__\":{");
            String sep = "";
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                json.append(sep).append(quote(e.getKey())).append(':').append(quote(e.getValue()));
                sep = ",";
            }
            json.append('}');
            if (!tensors.isEmpty()) json.append(',');
        }
        Set<String> seen = new HashSet<>();
        long offset = 0;
        String sep = "";
        for (NamedTensor t : tensors) {
            if (t.name().equals("__metadata__") || !seen.add(t.name()))
                throw new IllegalArgumentException("tensor name \"" + t.name() + "\" is reserved or repeated");
            json.append(sep).append(quote(t.name())).append(":{\"dtype\":\"").append(t.dtype().safetensorsName())
                    .append("\",\"shape\":[");
            long[] shape = t.shape();
            for (int i = 0; i < shape.length; i++) json.append(i == 0 ? "" : ",").append(shape[i]);
            json.append("],\"data_offsets\":[").append(offset).append(',').append(offset + t.byteLength()).append("]}");
            offset += t.byteLength();
            sep = ",";
        }
        json.append('}');
        byte[] utf8 = json.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (utf8.length + 7) / 8 * 8;                         // 8 + n ≡ 0 (mod 8)
        byte[] header = java.util.Arrays.copyOf(utf8, padded);
        java.util.Arrays.fill(header, utf8.length, padded, (byte) ' ');
        return header;
    }

    private static void writeValues(NamedTensor t, OutputStream out) throws IOException {
        DType dtype = t.dtype();
        int n = t.values().length();
        int perChunk = Math.max(1, TensorDecoder.CHUNK_BYTES / dtype.bytes());
        ByteBuffer b = ByteBuffer.allocate(perChunk * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < n; start += perChunk) {
            b.clear();
            int end = Math.min(n, start + perChunk);
            for (int i = start; i < end; i++) TensorEncoder.put(t, i, b);
            out.write(b.array(), 0, b.position());
        }
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
