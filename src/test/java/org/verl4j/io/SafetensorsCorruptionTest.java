package org.verl4j.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-made broken files: every one is rejected at open (or read) with a message naming the file and tensor. */
class SafetensorsCorruptionTest {

    @TempDir
    Path dir;

    private Path file(String header, int dataBytes) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        Path p = dir.resolve("bad.safetensors");
        Files.write(p, b.array());
        return p;
    }

    private static String entry(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + "," + end + "]}";
    }

    @Test
    void fileShorterThanTheLengthPrefix() throws IOException {
        Path p = dir.resolve("short.safetensors");
        Files.write(p, new byte[]{1, 2, 3});
        assertThatThrownBy(() -> SafetensorsFile.open(p)).isInstanceOf(IOException.class)
                .hasMessageContaining("short.safetensors").hasMessageContaining("truncated");
    }

    @Test
    void headerLengthBeyondTheFile() throws IOException {
        Path p = dir.resolve("len.safetensors");
        Files.write(p, ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array());
        assertThatThrownBy(() -> SafetensorsFile.open(p)).hasMessageContaining("len.safetensors")
                .hasMessageContaining("header length 1000");
    }

    @Test
    void notJson() throws IOException {
        assertThatThrownBy(() -> SafetensorsFile.open(file("{\"a\":", 0))).hasMessageContaining("bad.safetensors")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void unknownDtype() throws IOException {
        Path p = file("{" + entry("w", "F8_E4M3", "[2]", 0, 2) + "}", 2);
        assertThatThrownBy(() -> SafetensorsFile.open(p)).hasMessageContaining("tensor \"w\"").hasMessageContaining("F8_E4M3");
    }

    @Test
    void offsetsBeyondTheDataSectionAsInATruncatedFile() throws IOException {
        Path p = file("{" + entry("w", "F32", "[4]", 0, 16) + "}", 10);
        assertThatThrownBy(() -> SafetensorsFile.open(p)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.safetensors").hasMessageContaining("tensor \"w\"").hasMessageContaining("beyond");
    }

    @Test
    void sizeDisagreesWithShapeAndDtype() throws IOException {
        Path p = file("{" + entry("w", "F32", "[2,3]", 0, 20) + "}", 24);
        assertThatThrownBy(() -> SafetensorsFile.open(p)).hasMessageContaining("tensor \"w\"").hasMessageContaining("[2, 3]")
                .hasMessageContaining("20 bytes");
    }

    @Test
    void overlappingTensors() throws IOException {
        Path p = file("{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[2]", 4, 12) + "}", 12);
        assertThatThrownBy(() -> SafetensorsFile.open(p)).hasMessageContaining("\"a\"").hasMessageContaining("\"b\"")
                .hasMessageContaining("overlap");
    }

    @Test
    void reversedOffsetsAndNegativeShape() throws IOException {
        assertThatThrownBy(() -> SafetensorsFile.open(file("{" + entry("a", "F32", "[0]", 8, 0) + "}", 8)))
                .hasMessageContaining("reversed");
        assertThatThrownBy(() -> SafetensorsFile.open(file("{" + entry("a", "F32", "[-1]", 0, 0) + "}", 0)))
                .hasMessageContaining("\"shape\" entry 0");
    }

    @Test
    void unknownNameAndWrongReaderNameTheFileAndTensor() throws IOException {
        Path p = dir.resolve("ok.safetensors");
        SafetensorsWriter.write(p, List.of(NamedTensor.ofLongs("ids", DType.I64, new long[]{1}, new long[]{3})), Map.of());
        try (SafetensorsFile f = SafetensorsFile.open(p)) {
            assertThatThrownBy(() -> f.info("nope")).hasMessageContaining("ok.safetensors").hasMessageContaining("\"nope\"");
            assertThatThrownBy(() -> f.readFloats("ids")).hasMessageContaining("\"ids\"").hasMessageContaining("I64");
            assertThatThrownBy(() -> f.requireShape("ids", 2)).hasMessageContaining("[1]").hasMessageContaining("[2]");
            assertThat(f.requireShape("ids", 1).dtype()).isEqualTo(DType.I64);
        }
    }

    @Test
    void writerRejectsOutOfRangeIntegersAndMismatchedValues() {
        assertThatThrownBy(() -> NamedTensor.ofFloats("x", DType.F32, new long[]{3}, new float[2]))
                .hasMessageContaining("\"x\"").hasMessageContaining("3 elements");
        assertThatThrownBy(() -> NamedTensor.ofFloats("x", DType.I32, new long[]{1}, new float[1]))
                .hasMessageContaining("cannot be stored as I32");
        assertThatThrownBy(() -> SafetensorsWriter.write(dir.resolve("o.safetensors"),
                List.of(NamedTensor.ofLongs("u", DType.U8, new long[]{1}, new long[]{256})), Map.of()))
                .hasMessageContaining("\"u\"").hasMessageContaining("256");
        assertThatThrownBy(() -> SafetensorsWriter.write(dir.resolve("o.safetensors"),
                List.of(NamedTensor.ofLongs("u", DType.U8, new long[]{1}, new long[]{1}),
                        NamedTensor.ofLongs("u", DType.U8, new long[]{1}, new long[]{1})), Map.of()))
                .hasMessageContaining("repeated");
        assertThat(dir.resolve("o.safetensors")).doesNotExist();
    }
}
