package org.verl4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A NumPy {@code .npy} file opened for reading (format versions 1.0, 2.0, 3.0; see {@link NpyHeader}).
 * {@link #open} validates the magic, version, header and that the data is exactly ∏shape · itemsize bytes.
 * Values come back in C (row-major) order whatever the file's order, converted to double ({@code f2 f4 f8}) or
 * long ({@code i1 i2 i4 i8 u1 b1}). {@link #readSubarray} reads one slice {@code a[i]} without reading the rest:
 * positional reads for C order, a memory map for Fortran order, so a batch can be streamed response by response.
 */
public final class NpyFile implements AutoCloseable {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int SEGMENT_SHIFT = 30;                       // 1 GiB map segments (multiple of every itemsize)

    private final Path path;
    private final FileChannel channel;
    private final NpyHeader header;
    private MappedByteBuffer[] segments;                               // Fortran order only, mapped on first use

    private NpyFile(Path path, FileChannel channel, NpyHeader header) {
        this.path = path;
        this.channel = channel;
        this.header = header;
    }

    /** Opens and validates {@code file}; problems are IOExceptions or IllegalArgumentExceptions naming the file. */
    public static NpyFile open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new NpyFile(file, channel, readHeader(file, channel));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static NpyHeader readHeader(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < 10) throw new IOException(file + ": not a .npy file (" + size + " bytes, too short for the header)");
        ByteBuffer start = SafetensorsFile.readFully(channel, 0, 10, file);
        for (int k = 0; k < MAGIC.length; k++)
            if (start.get(k) != MAGIC[k]) throw new IOException(file + ": not a .npy file (bad magic; expected \\x93NUMPY)");
        int major = start.get(6) & 0xff;
        if (major < 1 || major > 3) throw new IOException(file + ": unsupported .npy format version " + major + "." + (start.get(7) & 0xff));
        long headerLength;
        int prefix;
        if (major == 1) {
            headerLength = start.getShort(8) & 0xffff;
            prefix = 10;
        } else {
            if (size < 12) throw new IOException(file + ": truncated .npy header");
            headerLength = SafetensorsFile.readFully(channel, 8, 4, file).getInt() & 0xffffffffL;
            prefix = 12;
        }
        if (prefix + headerLength > size)
            throw new IOException(file + ": truncated .npy header (" + headerLength + " bytes announced, file has " + size + ")");
        ByteBuffer text = SafetensorsFile.readFully(channel, prefix, (int) headerLength, file);
        String dict = (major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).decode(text).toString();
        NpyHeader header = NpyHeader.parse(dict, prefix + headerLength, file.toString());
        long count = header.elementCount();
        if (count < 0 || count > Long.MAX_VALUE / header.dtype().bytes())
            throw new IOException(file + ": shape " + java.util.Arrays.toString(header.shape()) + " of " + header.descr()
                    + " overflows: its data would need more than " + Long.MAX_VALUE + " bytes (corrupt header?)");
        long expected = count * header.dtype().bytes();
        long actual = size - header.dataOffset();
        if (expected != actual)
            throw new IOException(file + ": " + (actual < expected ? "truncated" : "unexpected length") + ": shape "
                    + java.util.Arrays.toString(header.shape()) + " of " + header.descr() + " needs " + expected
                    + " data bytes, the file has " + actual);
        return header;
    }

    public Path path() {
        return path;
    }

    public NpyHeader header() {
        return header;
    }

    /** The whole array as doubles in C order (floating dtypes only). */
    public double[] readDoubles() throws IOException {
        requireFloating();
        return readRange(header.shape(), 0, 1, elementsOf(header.shape()), new DoubleSink());
    }

    /** The whole array as longs in C order (integer and bool dtypes only). */
    public long[] readLongs() throws IOException {
        if (header.dtype().isFloating())
            throw new IllegalArgumentException(path + ": holds " + header.descr() + " values, integers were expected");
        return readRange(header.shape(), 0, 1, elementsOf(header.shape()), new LongSink());
    }

    /**
     * {@code a[i]}: the slice at index {@code i} of the first axis, in C order, as doubles — for a batch
     * {@code N×T×d}, response {@code i} as {@code T·d} row-major values.
     */
    public double[] readSubarray(long i) throws IOException {
        return readSubarray(i, elementsOf(java.util.Arrays.copyOfRange(header.shape(), 1, header.rank())));
    }

    /**
     * The first {@code count} elements (C order) of {@code a[i]} — for a batch, the first {@code count/d} rows of
     * response {@code i}, so that padding beyond a known length is never read.
     */
    public double[] readSubarray(long i, int count) throws IOException {
        requireFloating();
        if (header.rank() < 1 || i < 0 || i >= header.dim(0))
            throw new IndexOutOfBoundsException(path + ": no slice " + i + " in shape " + java.util.Arrays.toString(header.shape()));
        long[] rest = java.util.Arrays.copyOfRange(header.shape(), 1, header.rank());
        if (count < 0 || count > elementsOf(rest))
            throw new IndexOutOfBoundsException(path + ": " + count + " elements requested from a slice of " + elementsOf(rest));
        return readRange(rest, i, header.dim(0), count, new DoubleSink());
    }

    private void requireFloating() {
        if (!header.dtype().isFloating())
            throw new IllegalArgumentException(path + ": holds " + header.descr() + " values, floating point was expected");
    }

    private int elementsOf(long[] shape) {
        long n = TensorInfo.elementCount(shape);
        if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(path + ": " + n + " elements are too many for one Java array");
        return (int) n;
    }

    /**
     * The first {@code count} elements (C order) of the sub-array {@code rest} at first-axis index {@code i} of an
     * array whose first axis has {@code n} entries (n = 1, i = 0 for a whole array).
     * <pre>
     * C order:       offset(i, r) = i·∏rest + C-index(r)           one contiguous range
     * Fortran order: offset(i, r) = i + n·F-index(r),  F-index(r) = Σ_k r_k·∏rest[0..k)
     * </pre>
     */
    private <A> A readRange(long[] rest, long i, long n, int count, Sink<A> sink) throws IOException {
        MemoryEstimate.require((long) count * Long.BYTES, path + ": reading " + count + " values of " + header.descr()
                + " (shape " + java.util.Arrays.toString(header.shape()) + ")");
        A out = sink.allocate(count);
        int bytes = header.dtype().bytes();
        if (!header.fortranOrder() || rest.length == 0 || n == 1 && rest.length == 1) {
            long first = header.dataOffset() + i * TensorInfo.elementCount(rest) * bytes;
            int perChunk = TensorDecoder.CHUNK_BYTES / bytes;
            for (int done = 0; done < count; done += perChunk) {
                int len = Math.min(perChunk, count - done);
                ByteBuffer b = SafetensorsFile.readFully(channel, first + (long) done * bytes, len * bytes, path).order(header.byteOrder());
                for (int k = 0; k < len; k++) sink.put(out, done + k, b, header.dtype());
            }
            return out;
        }
        requireUntruncated();                    // a shrunk file reads zeros in its last page, SIGBUS beyond
        long[] fStride = new long[rest.length];                              // ∏rest[0..k)
        long s = 1;
        for (int k = 0; k < rest.length; k++) { fStride[k] = s; s *= rest[k]; }
        long[] index = new long[rest.length];                                // C-order odometer over rest
        long f = 0;
        for (int c = 0; c < count; c++) {
            long position = (i + n * f) * bytes;
            try {
                sink.put(out, c, element(position), header.dtype());
            } catch (InternalError | IndexOutOfBoundsException mappedPageGone) {
                // a mapped page past the end of a file truncated after it was opened: the JVM reports a SIGBUS as
                // InternalError; say what the C-order path (a positional read) says for the same file
                throw new IOException(path + ": truncated: expected " + bytes + " bytes at offset "
                        + (header.dataOffset() + position) + ", the file ends at " + channel.size(), mappedPageGone);
            }
            for (int k = rest.length - 1; k >= 0; k--) {                     // advance the last axis first
                if (++index[k] < rest[k]) { f += fStride[k]; break; }
                f -= (rest[k] - 1) * fStride[k];
                index[k] = 0;
            }
        }
        return out;
    }

    /** Throws the C-order path's "truncated" error when the file shrank below its data since it was opened. */
    private void requireUntruncated() throws IOException {
        long expected = header.elementCount() * header.dtype().bytes();
        if (channel.size() - header.dataOffset() < expected) {
            throw new IOException(path + ": truncated: expected " + expected + " data bytes at offset "
                    + header.dataOffset() + ", the file ends at " + channel.size());
        }
    }

    /** A buffer positioned at data byte {@code position}, from the memory map. */
    private ByteBuffer element(long position) throws IOException {
        if (segments == null) {
            long length = channel.size() - header.dataOffset();
            int n = (int) ((length + (1L << SEGMENT_SHIFT) - 1) >>> SEGMENT_SHIFT);
            segments = new MappedByteBuffer[n];
            for (int k = 0; k < n; k++) {
                long from = (long) k << SEGMENT_SHIFT;
                segments[k] = channel.map(FileChannel.MapMode.READ_ONLY, header.dataOffset() + from,
                        Math.min(1L << SEGMENT_SHIFT, length - from));
                segments[k].order(header.byteOrder());
            }
        }
        ByteBuffer segment = segments[(int) (position >>> SEGMENT_SHIFT)];
        return segment.duplicate().order(header.byteOrder()).position((int) (position & ((1L << SEGMENT_SHIFT) - 1)));
    }

    @Override
    public void close() throws IOException {
        segments = null;
        channel.close();
    }

    /** Converts one element to the output array's type. */
    private interface Sink<A> {
        A allocate(int count);

        void put(A out, int index, ByteBuffer b, DType dtype);
    }

    private static final class DoubleSink implements Sink<double[]> {
        public double[] allocate(int count) { return new double[count]; }

        public void put(double[] out, int index, ByteBuffer b, DType dtype) {
            out[index] = switch (dtype) {
                case F64 -> b.getDouble();
                case F32 -> b.getFloat();
                case F16 -> Float16.toFloat(b.getShort());
                default -> throw new IllegalStateException(dtype + " is not floating");
            };
        }
    }

    private static final class LongSink implements Sink<long[]> {
        public long[] allocate(int count) { return new long[count]; }

        public void put(long[] out, int index, ByteBuffer b, DType dtype) {
            out[index] = switch (dtype) {
                case I64 -> b.getLong();
                case I32 -> b.getInt();
                case I16 -> b.getShort();
                case I8 -> b.get();
                case U8 -> b.get() & 0xff;
                case BOOL -> b.get() != 0 ? 1 : 0;
                default -> throw new IllegalStateException(dtype + " is not an integer dtype");
            };
        }
    }
}
