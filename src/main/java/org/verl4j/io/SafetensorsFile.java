package org.verl4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A safetensors file opened for reading by name (format: huggingface/safetensors).
 *
 * <pre>
 * [8 bytes: n, unsigned little-endian] [n bytes: UTF-8 JSON header, maybe space-padded] [data section]
 * header = { "__metadata__": {str: str}?, name: {"dtype": "BF16", "shape": [..], "data_offsets": [begin, end]}, … }
 * offsets are relative to the data section; end − begin = ∏shape · bytes(dtype); tensors are row-major, LE
 * </pre>
 * {@link #open} validates everything before any read: header length within the file, JSON well-formed, known
 * dtypes, non-negative shapes, offsets inside the data section and not overlapping (gaps are tolerated), sizes
 * consistent. Reads are positional ({@link FileChannel#read(ByteBuffer, long)}), so one open file can serve
 * several threads. Every error names the file, and the tensor when there is one.
 */
public final class SafetensorsFile implements TensorSource {

    /** The largest header accepted (the reference implementation's limit). */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, TensorInfo> tensors;
    private final Map<String, String> metadata;

    private SafetensorsFile(Path path, FileChannel channel, long dataStart, Map<String, TensorInfo> tensors,
                            Map<String, String> metadata) {
        this.path = path;
        this.channel = channel;
        this.dataStart = dataStart;
        this.tensors = Collections.unmodifiableMap(tensors);
        this.metadata = Collections.unmodifiableMap(metadata);
    }

    /**
     * Opens and validates {@code file}.
     *
     * @throws IOException naming the file (and tensor) when it is unreadable, truncated or inconsistent
     */
    public static SafetensorsFile open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < 8)
                throw new IOException(file + ": truncated safetensors file (" + size + " bytes; it must start with an 8-byte header length)");
            long n = readFully(channel, 0, 8, file).getLong();
            if (n < 2 || n > size - 8 || n > MAX_HEADER_BYTES)
                throw new IOException(file + ": bad safetensors header length " + Long.toUnsignedString(n)
                        + " (file has " + size + " bytes; not a safetensors file, or truncated)");
            String json = decodeUtf8(readFully(channel, 8, (int) n, file), file);
            SafetensorsHeader header = SafetensorsHeader.parse(json, size - 8 - n, file.toString());
            return new SafetensorsFile(file, channel, 8 + n, header.tensors(), header.metadata());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The file this was opened from. */
    public Path path() {
        return path;
    }

    @Override
    public Set<String> names() {
        return tensors.keySet();
    }

    @Override
    public TensorInfo info(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) throw new IllegalArgumentException(path + ": no tensor named \"" + name + "\" (" + tensors.size() + " tensors)");
        return info;
    }

    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public String describe(String name) {
        return path.toString();
    }

    @Override
    public float[] readFloats(String name) throws IOException {
        TensorInfo info = requireKind(name, true, "readFloats");
        float[] out = new float[arrayLength(info)];
        TensorDecoder.decodeFloats(info.dtype(), chunks(info), out);
        return out;
    }

    @Override
    public double[] readDoubles(String name) throws IOException {
        TensorInfo info = requireKind(name, true, "readDoubles");
        double[] out = new double[arrayLength(info)];
        TensorDecoder.decodeDoubles(info.dtype(), chunks(info), out);
        return out;
    }

    @Override
    public long[] readLongs(String name) throws IOException {
        TensorInfo info = requireKind(name, false, "readLongs");
        long[] out = new long[arrayLength(info)];
        TensorDecoder.decodeLongs(info.dtype(), chunks(info), out);
        return out;
    }

    /** The raw little-endian bytes of {@code name} (at most 2 GiB). */
    public ByteBuffer readBytes(String name) throws IOException {
        TensorInfo info = info(name);
        if (info.byteLength() > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException(path + ": tensor \"" + name + "\" has " + info.byteLength() + " bytes, too many for one buffer");
        return readFully(channel, dataStart + info.begin(), (int) info.byteLength(), path);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private TensorInfo requireKind(String name, boolean floating, String method) {
        TensorInfo info = info(name);
        if (info.dtype().isFloating() != floating)
            throw new IllegalArgumentException(path + ": tensor \"" + name + "\" is " + info.dtype() + "; " + method
                    + " reads " + (floating ? "floating" : "integer and bool") + " tensors");
        return info;
    }

    private int arrayLength(TensorInfo info) {
        long count = info.elementCount();
        if (count > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException(path + ": tensor \"" + info.name() + "\" has " + count + " elements, too many for one Java array");
        return (int) count;
    }

    /** The tensor's bytes as consecutive little-endian chunks of whole elements. */
    private TensorDecoder.Chunks chunks(TensorInfo info) {
        return new TensorDecoder.Chunks() {
            long done = 0;

            @Override
            public ByteBuffer next() throws IOException {
                long left = info.byteLength() - done;
                if (left == 0) return null;
                int len = (int) Math.min(left, TensorDecoder.CHUNK_BYTES);
                ByteBuffer b = readFully(channel, dataStart + info.begin() + done, len, path);
                done += len;
                return b;
            }
        };
    }

    static ByteBuffer readFully(FileChannel channel, long position, int length, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int r = channel.read(b, position + b.position());
            if (r < 0) throw new IOException(file + ": truncated: expected " + length + " bytes at offset " + position
                    + ", the file ends at " + channel.size());
        }
        return b.flip();
    }

    private static String decodeUtf8(ByteBuffer bytes, Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": safetensors header is not valid UTF-8 (not a safetensors file?)", e);
        }
    }

    /** The entries of a file, in header order, for tools that list a checkpoint. */
    public Map<String, TensorInfo> entries() {
        return new LinkedHashMap<>(tensors);
    }
}
