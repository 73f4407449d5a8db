package org.verl4j.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** .npy files assembled byte by byte from the format description (numpy/lib/format.py), read back. */
class NpyFileTest {

    @TempDir
    Path dir;

    /** magic, version, header length, dictionary padded to 64 with '\n' last, then the data. */
    private Path npy(String name, int major, String dict, int dataBytes, ByteOrder order, Consumer<ByteBuffer> data)
            throws IOException {
        int prefix = major == 1 ? 10 : 12;
        int total = (prefix + dict.length() + 1 + 63) / 64 * 64;
        byte[] text = (dict + " ".repeat(total - prefix - dict.length() - 1) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(total + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) b.putShort((short) text.length); else b.putInt(text.length);
        b.put(text).order(order);
        data.accept(b);
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    @Test
    void readsAVersion1Float32MatrixInCOrder() throws IOException {
        Path p = npy("a.npy", 1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", 24,
                ByteOrder.LITTLE_ENDIAN, b -> { for (int k = 0; k < 6; k++) b.putFloat(k + 0.5f); });
        try (NpyFile f = NpyFile.open(p)) {
            assertThat(f.header().shape()).containsExactly(2, 3);
            assertThat(f.header().dtype()).isEqualTo(DType.F32);
            assertThat(f.header().dataOffset() % 64).isZero();
            assertThat(f.readDoubles()).containsExactly(0.5, 1.5, 2.5, 3.5, 4.5, 5.5);
            assertThat(f.readSubarray(1)).containsExactly(3.5, 4.5, 5.5);
            assertThat(f.readSubarray(1, 2)).containsExactly(3.5, 4.5);
            assertThatThrownBy(() -> f.readSubarray(2)).hasMessageContaining("a.npy").hasMessageContaining("slice 2");
        }
    }

    @Test
    void readsVersions2And3BigEndianAndHalf() throws IOException {
        Path v2 = npy("b.npy", 2, "{'descr': '>f8', 'fortran_order': False, 'shape': (3,), }", 24,
                ByteOrder.BIG_ENDIAN, b -> b.putDouble(1).putDouble(-2).putDouble(Math.E));
        Path v3 = npy("c.npy", 3, "{\"descr\": \"<f2\", \"fortran_order\": False, \"shape\": (2,)}", 4,
                ByteOrder.LITTLE_ENDIAN, b -> b.putShort((short) 0x3C00).putShort((short) 0xC000));
        Path big32 = npy("d.npy", 1, "{'descr': '>f4', 'fortran_order': False, 'shape': (1, 1), }", 4,
                ByteOrder.BIG_ENDIAN, b -> b.putFloat(7.25f));
        try (NpyFile a = NpyFile.open(v2); NpyFile c = NpyFile.open(v3); NpyFile d = NpyFile.open(big32)) {
            assertThat(a.readDoubles()).containsExactly(1, -2, Math.E);
            assertThat(c.readDoubles()).containsExactly(1, -2);
            assertThat(d.readDoubles()).containsExactly(7.25);
        }
    }

    /** a[i][t][j] = 100i + 10t + j stored column-major: element (i, t, j) at i + N·(t + T·j). */
    @Test
    void fortranOrderBatchReadsBackInCOrderSliceBySlice() throws IOException {
        int n = 2, rows = 3, d = 4;
        Path p = npy("f.npy", 1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3, 4), }", 8 * n * rows * d,
                ByteOrder.LITTLE_ENDIAN, b -> {
                    for (int j = 0; j < d; j++) for (int t = 0; t < rows; t++) for (int i = 0; i < n; i++) b.putDouble(100 * i + 10 * t + j);
                });
        try (NpyFile f = NpyFile.open(p)) {
            for (int i = 0; i < n; i++) {
                double[] slice = f.readSubarray(i);
                for (int t = 0; t < rows; t++) for (int j = 0; j < d; j++) assertThat(slice[t * d + j]).isEqualTo(100 * i + 10 * t + j);
            }
            double[] all = f.readDoubles();
            assertThat(all[1 * rows * d + 2 * d + 3]).isEqualTo(123);
            assertThat(f.readSubarray(1, 2 * d)).containsExactly(100, 101, 102, 103, 110, 111, 112, 113);
        }
    }

    @Test
    void readsIntegerLengths() throws IOException {
        Path i8 = npy("l.npy", 1, "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", 24,
                ByteOrder.LITTLE_ENDIAN, b -> b.putLong(5).putLong(0).putLong(1L << 40));
        Path i4 = npy("m.npy", 1, "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }", 8,
                ByteOrder.LITTLE_ENDIAN, b -> b.putInt(-1).putInt(7));
        try (NpyFile a = NpyFile.open(i8); NpyFile b = NpyFile.open(i4)) {
            assertThat(a.readLongs()).containsExactly(5, 0, 1L << 40);
            assertThat(b.readLongs()).containsExactly(-1, 7);
            assertThatThrownBy(a::readDoubles).hasMessageContaining("l.npy").hasMessageContaining("<i8");
        }
    }

    @Test
    void badFilesAreNamedWithTheirProblem() throws IOException {
        Path magic = dir.resolve("magic.npy");
        Files.writeString(magic, "PK\u0003\u0004 this is a zip, not an npy file");
        assertThatThrownBy(() -> NpyFile.open(magic)).hasMessageContaining("magic.npy").hasMessageContaining("bad magic");

        Path complex = npy("complex.npy", 1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", 8,
                ByteOrder.LITTLE_ENDIAN, b -> b.putLong(0));
        assertThatThrownBy(() -> NpyFile.open(complex)).hasMessageContaining("complex.npy").hasMessageContaining("'<c8'");

        Path truncated = npy("trunc.npy", 1, "{'descr': '<f4', 'fortran_order': False, 'shape': (4, 2), }", 20,
                ByteOrder.LITTLE_ENDIAN, b -> { });
        assertThatThrownBy(() -> NpyFile.open(truncated)).hasMessageContaining("trunc.npy").hasMessageContaining("truncated")
                .hasMessageContaining("needs 32 data bytes");

        Path syntax = npy("syntax.npy", 1, "{'descr': '<f4', 'fortran_order': Maybe, 'shape': (1,), }", 4,
                ByteOrder.LITTLE_ENDIAN, b -> b.putFloat(1));
        assertThatThrownBy(() -> NpyFile.open(syntax)).hasMessageContaining("syntax.npy").hasMessageContaining("bad npy header");

        Path version = npy("v9.npy", 1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", 4,
                ByteOrder.LITTLE_ENDIAN, b -> b.putFloat(1));
        byte[] bytes = Files.readAllBytes(version);
        bytes[6] = 9;
        Files.write(version, bytes);
        assertThatThrownBy(() -> NpyFile.open(version)).hasMessageContaining("v9.npy").hasMessageContaining("version 9");
    }

    @Test
    void writerRoundTripsAndPadsLikeNumpy() throws IOException {
        Path p = dir.resolve("w.npy");
        double[] values = {1, 2.5, -3, 0.1, 1e-3, 7};
        NpyWriter.writeDoubles(p, DType.F64, new long[]{3, 2}, values);
        NpyWriter.writeLongs(dir.resolve("lengths.npy"), DType.I64, new long[]{2}, new long[]{3, 1});
        NpyWriter.writeDoubles(dir.resolve("h.npy"), DType.F16, new long[]{2}, new double[]{0.5, 65504});
        try (NpyFile f = NpyFile.open(p); NpyFile l = NpyFile.open(dir.resolve("lengths.npy"));
             NpyFile h = NpyFile.open(dir.resolve("h.npy"))) {
            assertThat(f.header().dataOffset()).isEqualTo(128);          // 10 + 59-char dict + newline, rounded up to 64
            assertThat(f.header().descr()).isEqualTo("<f8");
            assertThat(f.readDoubles()).containsExactly(values);
            assertThat(l.readLongs()).containsExactly(3, 1);
            assertThat(h.readDoubles()).containsExactly(0.5, 65504);
        }
        String text = new String(Files.readAllBytes(p), 10, 118, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }").endsWith("\n");
    }
}
