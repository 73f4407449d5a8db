package org.verl4j.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** .npy inputs that used to escape as OutOfMemoryError, InternalError or "needs -1 data bytes" (issue 11). */
class NpyFaultsTest {

    @TempDir
    Path dir;

    /** A version-1 .npy with {@code dict} as header, then {@code dataBytes} bytes (sparse when not written). */
    private Path npy(String name, String dict, long dataBytes, ByteBuffer data) throws IOException {
        int total = (10 + dict.length() + 1 + 63) / 64 * 64;
        byte[] text = (dict + " ".repeat(total - 10 - dict.length() - 1) + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer head = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        head.putShort((short) text.length).put(text).flip();
        Path p = dir.resolve(name);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(head);
            if (data != null) ch.write(data);
        }
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(total + dataBytes);
        }
        return p;
    }

    @Test
    void anOverflowingShapeSaysSoInsteadOfNeedingMinusOneBytes() throws IOException {
        Path p = npy("huge.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }", 8, null);
        assertThatThrownBy(() -> NpyFile.open(p)).hasMessageContaining("huge.npy").hasMessageContaining("overflows")
                .hasMessageNotContaining("needs -1");
    }

    @Test
    void aFortranBatchTruncatedWhileBeingReadFailsLikeTheCOrderOne() throws IOException {
        int n = 3, t = 1024, d = 4;                                               // 48 KiB: several pages
        ByteBuffer data = ByteBuffer.allocate(n * t * d * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < n * t * d; k++) data.putFloat(k);
        data.flip();
        for (boolean fortran : new boolean[] {true, false}) {
            String order = fortran ? "True" : "False";
            Path p = npy("batch-" + order + ".npy", "{'descr': '<f4', 'fortran_order': " + order + ", 'shape': (3, 1024, 4), }",
                    n * t * d * 4L, data.duplicate());
            long full = Files.size(p);
            try (NpyFile f = NpyFile.open(p)) {
                assertThat(f.readSubarray(0)).hasSize(t * d);                     // maps the file (Fortran order)
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                    ch.truncate(full - 40_000);
                }
                assertThatThrownBy(() -> f.readSubarray(2)).as("fortran_order %s", order)
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining(p.getFileName().toString()).hasMessageContaining("truncated");
            }
            try (NpyFile f = NpyFile.open(dir.resolve(p.getFileName()))) {
                throw new AssertionError("a truncated file must not open");
            } catch (IOException expected) {
                assertThat(expected).hasMessageContaining("truncated");
            }
        }
    }

    @Test
    void anArrayLargerThanTheHeapIsRefusedNamingTheMemoryNeeded() throws IOException {
        long maxHeap = Runtime.getRuntime().maxMemory();
        long count = Math.min(Integer.MAX_VALUE - 16L, maxHeap / Long.BYTES + (1 << 20));
        assumeTrue(count * Long.BYTES > maxHeap, "the heap (" + maxHeap + " bytes) holds any one Java array here");
        long d = 1024;
        long rows = count / d;
        Path p = npy("big.npy", "{'descr': '<f2', 'fortran_order': False, 'shape': (" + rows + ", " + d + "), }",
                rows * d * 2, null);                                                // sparse: no disk used
        try (NpyFile f = NpyFile.open(p)) {
            assertThatThrownBy(f::readDoubles).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("big.npy").hasMessageContaining("MiB of memory").hasMessageContaining("-Xmx");
        }
    }
}
