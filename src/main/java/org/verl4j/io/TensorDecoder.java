package org.verl4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Little-endian element decoding of every {@link DType}, chunk by chunk (chunks hold whole elements). */
final class TensorDecoder {

    /** Bytes read per positional read: a multiple of every element size. */
    static final int CHUNK_BYTES = 1 << 20;

    /** Consecutive chunks of a tensor's bytes, little-endian; {@code null} at the end. */
    interface Chunks {
        ByteBuffer next() throws IOException;
    }

    private TensorDecoder() {
    }

    static void decodeFloats(DType dtype, Chunks chunks, float[] out) throws IOException {
        int i = 0;
        for (ByteBuffer b = chunks.next(); b != null; b = chunks.next()) {
            switch (dtype) {
                case F32 -> { int n = b.remaining() / 4; b.asFloatBuffer().get(out, i, n); i += n; }
                case F64 -> { while (b.hasRemaining()) out[i++] = (float) b.getDouble(); }
                case F16 -> { while (b.hasRemaining()) out[i++] = Float16.toFloat(b.getShort()); }
                case BF16 -> { while (b.hasRemaining()) out[i++] = BFloat16.toFloat(b.getShort()); }
                default -> throw new IllegalArgumentException(dtype + " is not a floating dtype");
            }
        }
    }

    static void decodeDoubles(DType dtype, Chunks chunks, double[] out) throws IOException {
        int i = 0;
        for (ByteBuffer b = chunks.next(); b != null; b = chunks.next()) {
            switch (dtype) {
                case F64 -> { int n = b.remaining() / 8; b.asDoubleBuffer().get(out, i, n); i += n; }
                case F32 -> { while (b.hasRemaining()) out[i++] = b.getFloat(); }
                case F16 -> { while (b.hasRemaining()) out[i++] = Float16.toFloat(b.getShort()); }
                case BF16 -> { while (b.hasRemaining()) out[i++] = BFloat16.toFloat(b.getShort()); }
                default -> throw new IllegalArgumentException(dtype + " is not a floating dtype");
            }
        }
    }

    static void decodeLongs(DType dtype, Chunks chunks, long[] out) throws IOException {
        int i = 0;
        for (ByteBuffer b = chunks.next(); b != null; b = chunks.next()) {
            switch (dtype) {
                case I64 -> { int n = b.remaining() / 8; b.asLongBuffer().get(out, i, n); i += n; }
                case I32 -> { while (b.hasRemaining()) out[i++] = b.getInt(); }
                case I16 -> { while (b.hasRemaining()) out[i++] = b.getShort(); }
                case I8 -> { while (b.hasRemaining()) out[i++] = b.get(); }
                case U8 -> { while (b.hasRemaining()) out[i++] = b.get() & 0xff; }
                case BOOL -> { while (b.hasRemaining()) out[i++] = b.get() != 0 ? 1 : 0; }
                default -> throw new IllegalArgumentException(dtype + " is not an integer dtype");
            }
        }
    }
}
